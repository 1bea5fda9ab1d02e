package io.atrium.document.storage;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.util.unit.DataSize;

import io.atrium.document.storage.DocumentStorageProperties.Encryption;
import io.atrium.document.storage.DocumentStorageProperties.Local;
import io.atrium.document.storage.DocumentStorageProperties.Store;

class S3DocumentVaultTest extends AbstractDocumentVaultTests {

	private static S3ProxyServer s3;
	private static int buckets;
	private String bucket;

	@BeforeAll
	static void startS3() {
		s3 = S3ProxyServer.start();
	}

	@AfterAll
	static void stopS3() {
		s3.close();
	}

	@Override
	DocumentVault newVault(Map<String, String> keys, String activeKey, DataSize limit) {
		if (bucket == null) {
			// a bucket of its own for each test, so that "nothing left" looks at this test alone
			bucket = "documents-" + ++buckets;
			s3.createBucket(bucket);
		}
		return new DocumentVault(new DocumentStorageProperties(Store.S3, limit, new Local(null), s3.properties(bucket),
				new Encryption(keys, activeKey)));
	}
}
