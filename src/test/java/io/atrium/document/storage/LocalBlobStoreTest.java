package io.atrium.document.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The local store's two ways to write (direct I/O and the page cache) give the same files, to the byte. */
class LocalBlobStoreTest {

	private static final String KEY = "ab/cd/abcd0000-0000-0000-0000-000000000000";

	@TempDir
	Path folder;

	@Test
	void writesDirectWhereTheFileSystemAllowsIt() throws IOException {
		var type = Files.getFileStore(folder).type();
		var store = new LocalBlobStore(folder.resolve("direct"));
		if (Set.of("ext4", "xfs", "btrfs").contains(type)) {
			assertThat(store.writesDirect()).as("direct I/O on %s", type).isTrue();
		}
		assertThat(new LocalBlobStore(folder.resolve("cached"), false, 1).writesDirect()).isFalse();
		// the probe leaves nothing behind
		assertThat(store.contents()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 511, 512, 4095, 4096, 4097, (1 << 20) - 1, 1 << 20, (1 << 20) + 1, 3 * (1 << 20) + 17 })
	void storesExactlyWhatWasWrittenEitherWay(int size) throws IOException {
		var bytes = new byte[size];
		new Random(size).nextBytes(bytes);
		for (boolean direct : new boolean[] { true, false }) {
			var store = new LocalBlobStore(folder.resolve("store-" + direct), direct, 1);
			// in uneven pieces, as an encrypting stream writes them
			store.put(KEY, out -> {
				for (int at = 0; at < size; at += 1000) {
					out.write(bytes, at, Math.min(1000, size - at));
				}
			});
			assertThat(read(store)).as("direct %s, %d bytes", direct, size).isEqualTo(bytes);
			assertThat(store.contents()).containsExactly(KEY);
		}
	}

	@Test
	@Timeout(30) // waiting for the busy writer instead would hang here
	void writesThroughThePageCacheWhenAllDirectWritersAreBusy() throws IOException {
		var store = new LocalBlobStore(folder.resolve("store"), true, 1);
		var other = "ab/cd/abcd0000-0000-0000-0000-000000000002";
		// the outer upload holds the only direct writer while the inner one runs
		store.put(KEY, out -> {
			out.write(new byte[] { 1 });
			store.put(other, inner -> inner.write(new byte[] { 2, 3 }));
			out.write(new byte[] { 4 });
		});
		assertThat(read(store)).containsExactly(1, 4);
		assertThat(Files.readAllBytes(folder.resolve("store").resolve(other))).containsExactly(2, 3);
		// and the writer is free again afterwards
		var third = "ab/cd/abcd0000-0000-0000-0000-000000000003";
		store.put(third, out -> out.write(new byte[] { 5 }));
		assertThat(Files.readAllBytes(folder.resolve("store").resolve(third))).containsExactly(5);
	}

	@Test
	void storesAnEmptyBlobAndTheNextOneWhole() throws IOException {
		var store = new LocalBlobStore(folder.resolve("store"));
		store.put(KEY, out -> {
		});
		assertThat(Files.size(folder.resolve("store").resolve(KEY))).isZero();
		var again = "ab/cd/abcd0000-0000-0000-0000-000000000001";
		store.put(again, out -> out.write(new byte[] { 1, 2, 3 }));
		assertThat(Files.readAllBytes(folder.resolve("store").resolve(again))).containsExactly(1, 2, 3);
	}

	@Test
	void aFailedWriteLeavesNothing() throws IOException {
		var store = new LocalBlobStore(folder.resolve("store"));
		assertThatThrownBy(() -> store.put(KEY, out -> {
			out.write(new byte[(1 << 20) + 5]);
			throw new IOException("client went away");
		})).hasMessage("client went away");
		assertThat(store.contents()).isEmpty();
		// and the next upload is whole, not a continuation of the failed one's buffer
		store.put(KEY, out -> out.write(new byte[] { 7 }));
		assertThat(read(store)).containsExactly(7);
	}

	private static byte[] read(LocalBlobStore store) throws IOException {
		try (var channel = store.open(KEY)) {
			var buffer = ByteBuffer.allocate(Math.toIntExact(channel.size()));
			while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
				// until full
			}
			return buffer.array();
		}
	}
}
