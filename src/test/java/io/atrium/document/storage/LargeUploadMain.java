package io.atrium.document.storage;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.CRC32C;

import org.springframework.util.unit.DataSize;

import io.atrium.document.Upload;

/**
 * Run by {@link LargeUploadTest} in a JVM with a small heap: streams a large generated upload through the vault and
 * back, and exits 0 only when the bytes come back the same.
 */
public final class LargeUploadMain {

	private LargeUploadMain() {
	}

	public static void main(String[] args) throws Exception {
		Path folder = Path.of(args[0]);
		long size = Long.parseLong(args[1]);
		var properties = DocumentStorageProperties.local(folder, DataSize.ofGigabytes(1),
				Map.of("k1", DocumentKeys.newEncodedKey()), "k1");
		try (var vault = new DocumentVault(properties)) {
			var source = new Samples.Generated(size, 42);
			var blob = vault.store(new Upload("large.pdf", source, size));
			long written = source.crc();
			var digest = MessageDigest.getInstance("SHA-256");
			var crc = new CRC32C();
			long read = 0;
			try (InputStream in = vault.open(blob).getInputStream()) {
				var buffer = new byte[64 * 1024];
				int n;
				while ((n = in.read(buffer)) != -1) {
					digest.update(buffer, 0, n);
					crc.update(buffer, 0, n);
					read += n;
				}
			}
			String back = HexFormat.of().formatHex(digest.digest());
			long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
					.mapToLong(p -> p.getPeakUsage().getUsed()).sum();
			System.out.printf("size=%d read=%d sha256 stored=%s back=%s crc32c in=%x back=%x peakHeapMiB=%d maxHeapMiB=%d%n",
					blob.size(), read, blob.sha256(), back, written, crc.getValue(), peak >> 20,
					Runtime.getRuntime().maxMemory() >> 20);
			boolean same = blob.size() == size && read == size && back.equals(blob.sha256()) && written == crc.getValue();
			System.exit(same ? 0 : 1);
		}
	}
}
