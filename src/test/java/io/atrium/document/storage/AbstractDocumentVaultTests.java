package io.atrium.document.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import io.atrium.document.Upload;
import io.atrium.document.UploadRejectedException;
import io.atrium.document.UploadRejectedException.Reason;

/** What every store must do, run against the local folder and against a real S3-compatible server. */
abstract class AbstractDocumentVaultTests {

	static final DataSize LIMIT = DataSize.ofMegabytes(10);
	static final Map<String, String> KEYS = Map.of("k1", DocumentKeys.newEncodedKey());

	private final List<DocumentVault> vaults = new ArrayList<>();
	DocumentVault vault;

	/** A vault on this test's store (the same one on every call), with these keys. */
	abstract DocumentVault newVault(Map<String, String> keys, String activeKey, DataSize limit);

	@BeforeEach
	void openVault() {
		vault = vault(KEYS, "k1");
	}

	@AfterEach
	void closeVaults() {
		vaults.forEach(DocumentVault::close);
	}

	DocumentVault vault(Map<String, String> keys, String activeKey) {
		var opened = newVault(keys, activeKey, LIMIT);
		vaults.add(opened);
		return opened;
	}

	@Test
	void storesAndReadsBackWithChecksum() throws IOException {
		byte[] bytes = withPdfHead(Samples.random(3 * 1024 * 1024 + 17, 1));

		var blob = vault.store(new Upload("../../etc/Annual report.pdf", new ByteArrayInputStream(bytes), bytes.length));

		assertThat(blob.name()).isEqualTo("Annual report.pdf");
		assertThat(blob.contentType()).isEqualTo("application/pdf");
		assertThat(blob.size()).isEqualTo(bytes.length);
		assertThat(blob.sha256()).isEqualTo(Samples.sha256(bytes));
		assertThat(blob.keyId()).isEqualTo("k1");
		var resource = vault.open(blob);
		assertThat(resource.contentLength()).isEqualTo(bytes.length);
		try (var in = resource.getInputStream()) {
			assertThat(in.readAllBytes()).isEqualTo(bytes);
		}
		assertThat(vault.blobStore().contents()).containsExactly(blob.key());
		byte[] atRest = stored(blob.key());
		assertThat(atRest).hasSizeGreaterThan(bytes.length);
		assertThat(latin1(atRest)).as("encrypted at rest").doesNotContain(latin1(Arrays.copyOfRange(bytes, 1000, 1032)))
				.doesNotContain("%PDF");
	}

	@Test
	void skipPositionsTheDecryptionAcrossSegments() throws IOException {
		byte[] bytes = withPdfHead(Samples.random(3 * 1024 * 1024 + 5, 2));
		var blob = vault.store(new Upload("big.pdf", new ByteArrayInputStream(bytes), -1));
		var resource = vault.open(blob);

		long[] starts = { 0, 1, 1024 * 1024 - 100, 1024 * 1024 - 24, 2 * 1024 * 1024 - 60, 3 * 1024 * 1024 };
		for (long start : starts) {
			try (InputStream in = resource.getInputStream()) {
				assertThat(in.skip(start)).isEqualTo(start);
				byte[] part = in.readNBytes(200);
				assertThat(part).as("200 bytes from %d", start)
						.isEqualTo(Arrays.copyOfRange(bytes, (int) start, (int) Math.min(bytes.length, start + 200)));
			}
		}
		try (InputStream in = resource.getInputStream()) {
			assertThat(in.skip(bytes.length + 10L)).isEqualTo(bytes.length);
			assertThat(in.read()).isEqualTo(-1);
		}
	}

	@Test
	void refusesADeclaredLengthOverTheLimitWithoutReading() throws IOException {
		var content = new ByteArrayInputStream(Samples.pdf());

		assertThatThrownBy(() -> vault.store(new Upload("a.pdf", content, LIMIT.toBytes() + 1)))
				.isInstanceOfSatisfying(UploadRejectedException.class, ex -> {
					assertThat(ex.reason()).isEqualTo(Reason.TOO_LARGE);
					assertThat(ex.status()).isEqualTo(413);
				});
		assertThat(content.available()).isEqualTo(Samples.pdf().length);
		assertThat(vault.blobStore().contents()).isEmpty();
	}

	@Test
	void stopsAnUndeclaredUploadAtTheLimitAndLeavesNothing() throws IOException {
		var content = new Samples.Generated(LIMIT.toBytes() + 3 * 1024 * 1024, 3);

		assertThatThrownBy(() -> vault.store(new Upload("a.pdf", content, -1)))
				.isInstanceOfSatisfying(UploadRejectedException.class,
						ex -> assertThat(ex.reason()).isEqualTo(Reason.TOO_LARGE));
		assertThat(vault.blobStore().contents()).isEmpty();
	}

	@Test
	void refusesABrokenStreamAndLeavesNothing() throws IOException {
		assertThatThrownBy(() -> vault.store(new Upload("a.pdf", new Samples.Breaking(9 * 1024 * 1024), -1)))
				.isInstanceOfSatisfying(UploadRejectedException.class, ex -> {
					assertThat(ex.reason()).isEqualTo(Reason.INCOMPLETE);
					assertThat(ex.getCause()).hasMessage("Connection reset by peer");
				});
		assertThat(vault.blobStore().contents()).isEmpty();
	}

	@Test
	void refusesAStreamShorterThanDeclared() throws IOException {
		byte[] pdf = Samples.pdf();

		assertThatThrownBy(() -> vault.store(new Upload("a.pdf", new ByteArrayInputStream(pdf), pdf.length + 100)))
				.isInstanceOfSatisfying(UploadRejectedException.class,
						ex -> assertThat(ex.reason()).isEqualTo(Reason.INCOMPLETE));
		assertThat(vault.blobStore().contents()).isEmpty();
	}

	@Test
	void refusesEmpty() throws IOException {
		assertThatThrownBy(() -> vault.store(new Upload("a.pdf", InputStream.nullInputStream(), -1)))
				.isInstanceOfSatisfying(UploadRejectedException.class,
						ex -> assertThat(ex.reason()).isEqualTo(Reason.EMPTY));
		assertThat(vault.blobStore().contents()).isEmpty();
	}

	@Test
	void decidesTheTypeByContent() throws IOException {
		assertRefused("report.pdf", Samples.exe());
		assertRefused("report.pdf", Samples.html());
		assertRefused("x.zip", Samples.jar());
		assertRefused("x.jar", Samples.zip(new String[][] { { "a.txt", "hello" } }));
		assertRefused("setup.exe", Samples.exe());
		assertRefused("notes.pdf", Samples.random(4096, 9));
		assertThat(vault.blobStore().contents()).isEmpty();

		assertThat(typeOf("scan.pdf", Samples.pdf())).isEqualTo("application/pdf");
		assertThat(typeOf("photo.png", Samples.png())).isEqualTo("image/png");
		assertThat(typeOf("photo.jpg", Samples.png())).as("content wins over the name").isEqualTo("image/png");
		assertThat(typeOf("letter.docx", Samples.docx()))
				.isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
		assertThat(typeOf("figures.csv", Samples.csv())).isEqualTo("text/csv");
		assertThat(typeOf("figures.txt", Samples.csv())).isEqualTo("text/plain");
		assertThat(typeOf("archive.zip", Samples.zip(new String[][] { { "a.txt", "hello" } })))
				.isEqualTo("application/zip");
	}

	@Test
	void takesTwoUploadsAtOnce() throws Exception {
		byte[] first = withPdfHead(Samples.random(2 * 1024 * 1024, 4));
		byte[] second = withPdfHead(Samples.random(2 * 1024 * 1024 + 1, 5));
		var start = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			Future<StoredBlob> a = threads.submit(() -> {
				start.await();
				return vault.store(new Upload("first.pdf", new ByteArrayInputStream(first), -1));
			});
			Future<StoredBlob> b = threads.submit(() -> {
				start.await();
				return vault.store(new Upload("second.pdf", new ByteArrayInputStream(second), second.length));
			});
			start.countDown();
			assertThat(read(a.get())).isEqualTo(first);
			assertThat(read(b.get())).isEqualTo(second);
			assertThat(vault.blobStore().contents()).containsExactlyInAnyOrder(a.get().key(), b.get().key());
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void failsLoudlyOnChangedBytes() throws IOException {
		byte[] bytes = withPdfHead(Samples.random(100_000, 6));
		var blob = vault.store(new Upload("a.pdf", new ByteArrayInputStream(bytes), -1));
		byte[] ciphertext = stored(blob.key());
		ciphertext[ciphertext.length / 2] ^= 1;
		vault.blobStore().put(blob.key(), out -> out.write(ciphertext));

		assertThatThrownBy(() -> read(blob)).isInstanceOf(IOException.class);
	}

	@Test
	void failsLoudlyOnAnotherKeyOrABlobMovedToAnotherKey() throws IOException {
		byte[] bytes = withPdfHead(Samples.random(10_000, 7));
		var blob = vault.store(new Upload("a.pdf", new ByteArrayInputStream(bytes), -1));
		var other = vault(Map.of("k1", DocumentKeys.newEncodedKey()), "k1");

		assertThatThrownBy(() -> other.open(blob).getInputStream().readAllBytes()).isInstanceOf(IOException.class);

		var second = vault.store(new Upload("b.pdf", new ByteArrayInputStream(bytes), -1));
		byte[] ciphertext = stored(blob.key());
		vault.blobStore().put(second.key(), out -> out.write(ciphertext));
		assertThatThrownBy(() -> read(second)).isInstanceOf(IOException.class);
	}

	@Test
	void readsOldBlobsAfterKeyRotation() throws IOException {
		byte[] bytes = withPdfHead(Samples.random(50_000, 8));
		var old = vault.store(new Upload("old.pdf", new ByteArrayInputStream(bytes), -1));
		var rotated = vault(Map.of("k1", KEYS.get("k1"), "k2", DocumentKeys.newEncodedKey()), "k2");

		var fresh = rotated.store(new Upload("new.pdf", new ByteArrayInputStream(bytes), -1));

		assertThat(fresh.keyId()).isEqualTo("k2");
		assertThat(read(rotated, old)).isEqualTo(bytes);
		assertThat(read(rotated, fresh)).isEqualTo(bytes);
		assertThatThrownBy(() -> vault.open(fresh)).isInstanceOf(IllegalStateException.class).hasMessageContaining("k2");
	}

	@Test
	void deletesIdempotently() throws IOException {
		var blob = vault.store(new Upload("a.pdf", new ByteArrayInputStream(Samples.pdf()), -1));

		vault.delete(blob.key());
		vault.delete(blob.key());

		assertThat(vault.blobStore().contents()).isEmpty();
		assertThatThrownBy(() -> vault.delete("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
	}

	private void assertRefused(String name, byte[] bytes) {
		assertThatThrownBy(() -> vault.store(new Upload(name, new ByteArrayInputStream(bytes), bytes.length)))
				.as(name).isInstanceOfSatisfying(UploadRejectedException.class, ex -> {
					assertThat(ex.reason()).isEqualTo(Reason.NOT_ALLOWED);
					assertThat(ex.status()).isEqualTo(415);
				});
	}

	private String typeOf(String name, byte[] bytes) throws IOException {
		var blob = vault.store(new Upload(name, new ByteArrayInputStream(bytes), bytes.length));
		assertThat(read(blob)).isEqualTo(bytes);
		return blob.contentType();
	}

	private byte[] read(StoredBlob blob) throws IOException {
		return read(vault, blob);
	}

	private static byte[] read(DocumentVault vault, StoredBlob blob) throws IOException {
		try (var in = vault.open(blob).getInputStream()) {
			return in.readAllBytes();
		}
	}

	private byte[] stored(String key) throws IOException {
		try (var channel = vault.blobStore().open(key)) {
			var out = new ByteArrayOutputStream();
			var buffer = ByteBuffer.allocate(64 * 1024);
			while (channel.read(buffer) != -1) {
				out.write(buffer.array(), 0, buffer.position());
				buffer.clear();
			}
			return out.toByteArray();
		}
	}

	private static String latin1(byte[] bytes) {
		return new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
	}

	private static byte[] withPdfHead(byte[] bytes) {
		byte[] head = "%PDF-1.7\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		System.arraycopy(head, 0, bytes, 0, head.length);
		return bytes;
	}
}
