package io.atrium.document.storage;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

class LocalDocumentVaultTest extends AbstractDocumentVaultTests {

	@TempDir
	Path data;

	@Override
	DocumentVault newVault(Map<String, String> keys, String activeKey, DataSize limit) {
		return new DocumentVault(DocumentStorageProperties.local(data.resolve("documents"), limit, keys, activeKey));
	}
}
