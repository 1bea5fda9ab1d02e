package io.atrium.document.storage;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code atrium.documents.*}: where document bytes live, how large an upload may be, and the keys they are
 * encrypted with. See docs/document-storage.md.
 *
 * @param store {@code local} (a folder, the default) or {@code s3} (any S3-compatible service); anything else stops
 *        the start
 * @param maxUploadSize the largest file accepted, counted while it streams in
 */
@ConfigurationProperties("atrium.documents")
public record DocumentStorageProperties(@DefaultValue("local") Store store,
		@DefaultValue("1GB") DataSize maxUploadSize, @DefaultValue Local local,
		@DefaultValue S3 s3, @DefaultValue Encryption encryption) {

	/** Where the bytes go. */
	public enum Store {
		LOCAL, S3
	}

	/** The local folder; the generated development key (if any) sits next to it in {@code document-key}. */
	public record Local(@DefaultValue("./data/documents") Path path) {
	}

	/**
	 * An S3 bucket: {@code endpoint} empty means AWS itself; {@code pathStyle} is needed by S3Proxy and MinIO. Without an
	 * access key the SDK's default credentials chain is used (environment, instance profile, ...).
	 */
	public record S3(URI endpoint, @DefaultValue("us-east-1") String region, String bucket, String accessKey,
			String secretKey, @DefaultValue("false") boolean pathStyle) {
	}

	/**
	 * Encryption keys by id ({@code keys.<id>=<base64 of 32 random bytes>}, ids of lower-case letters, digits and
	 * dashes) and the one that encrypts new uploads; the others stay to read older blobs.
	 */
	public record Encryption(Map<String, String> keys, String activeKey) {

		public Encryption {
			keys = keys == null ? Map.of() : Map.copyOf(keys);
		}
	}

	/** Defaults for everything, a folder store at {@code folder}; for tests and tools outside Spring. */
	public static DocumentStorageProperties local(Path folder, DataSize maxUploadSize, Map<String, String> keys,
			String activeKey) {
		return new DocumentStorageProperties(Store.LOCAL, maxUploadSize, new Local(folder),
				new S3(null, "us-east-1", null, null, null, false), new Encryption(keys, activeKey));
	}
}
