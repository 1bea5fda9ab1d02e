package io.atrium.document.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

import io.atrium.document.Upload;

class DocumentStoragePropertiesTest {

	@TempDir
	Path data;

	@Test
	void hasDefaults() {
		var properties = bind(Map.of());

		assertThat(properties.store()).isEqualTo(DocumentStorageProperties.Store.LOCAL);
		assertThat(properties.maxUploadSize()).isEqualTo(DataSize.ofGigabytes(1));
		assertThat(properties.local().path().normalize()).isEqualTo(Path.of("data/documents"));
		assertThat(properties.s3().region()).isEqualTo("us-east-1");
		assertThat(properties.s3().pathStyle()).isFalse();
		assertThat(properties.encryption().keys()).isEmpty();
	}

	@Test
	void bindsEverything() {
		var properties = bind(Map.of("atrium.documents.store", "s3", "atrium.documents.max-upload-size", "250MB",
				"atrium.documents.s3.endpoint", "http://localhost:9000", "atrium.documents.s3.bucket", "docs",
				"atrium.documents.s3.path-style", "true", "atrium.documents.encryption.keys.k2026", "a2V5",
				"atrium.documents.encryption.active-key", "k2026"));

		assertThat(properties.store()).isEqualTo(DocumentStorageProperties.Store.S3);
		assertThat(properties.maxUploadSize()).isEqualTo(DataSize.ofMegabytes(250));
		assertThat(properties.s3().endpoint()).hasToString("http://localhost:9000");
		assertThat(properties.s3().pathStyle()).isTrue();
		assertThat(properties.encryption().keys()).containsEntry("k2026", "a2V5");
	}

	@Test
	void takesEmptySettingsAsUnset() {
		var properties = bind(Map.of("atrium.documents.s3.endpoint", "", "atrium.documents.s3.access-key", "",
				"atrium.documents.encryption.active-key", ""));

		assertThat(properties.s3().endpoint() == null || properties.s3().endpoint().toString().isEmpty()).isTrue();
		assertThat(properties.encryption().activeKey()).isNullOrEmpty();
	}

	@Test
	void refusesAnUnknownStore() {
		assertThatThrownBy(() -> bind(Map.of("atrium.documents.store", "ftp"))).isInstanceOf(BindException.class)
				.hasMessageContaining("atrium.documents.store");
	}

	@Test
	void refusesBadKeys() {
		assertThatThrownBy(() -> vault(Map.of("k1", "c2hvcnQ="), "k1")).hasMessageContaining("32 random bytes");
		assertThatThrownBy(() -> vault(Map.of("k1", DocumentKeys.newEncodedKey()), "k9"))
				.hasMessageContaining("active-key=k9");
		assertThatThrownBy(
				() -> vault(Map.of("k1", DocumentKeys.newEncodedKey(), "k2", DocumentKeys.newEncodedKey()), null))
				.hasMessageContaining("active-key");
	}

	@Test
	void generatesADevelopmentKeyOnceNextToTheFolder() throws Exception {
		byte[] pdf = Samples.pdf();
		StoredBlob blob;
		try (var vault = vault(Map.of(), null)) {
			blob = vault.store(new Upload("a.pdf", new ByteArrayInputStream(pdf), -1));
		}
		Path keyFile = data.resolve("document-key");
		assertThat(keyFile).exists();
		assertThat(blob.keyId()).isEqualTo("dev");
		String key = Files.readString(keyFile);

		try (var again = vault(Map.of(), null)) {
			assertThat(again.open(blob).getInputStream().readAllBytes()).isEqualTo(pdf);
		}
		assertThat(Files.readString(keyFile)).isEqualTo(key);
		// moving to configured keys: the generated one is kept under its id
		try (var configured = vault(Map.of("dev", key.strip(), "k1", DocumentKeys.newEncodedKey()), "k1")) {
			assertThat(configured.open(blob).getInputStream().readAllBytes()).isEqualTo(pdf);
		}
	}

	@Test
	void productionGuardWantsConfiguredKeys() {
		var none = DocumentStorageProperties.local(data, DataSize.ofMegabytes(1), Map.of(), null);
		var some = DocumentStorageProperties.local(data, DataSize.ofMegabytes(1),
				Map.of("k1", DocumentKeys.newEncodedKey()), "k1");

		assertThatThrownBy(() -> new DocumentKeyGuard(none)).hasMessageContaining("atrium.documents.encryption.keys");
		new DocumentKeyGuard(some).check();
		assertThat(data.resolve("document-key")).doesNotExist();
	}

	private DocumentVault vault(Map<String, String> keys, String active) {
		return new DocumentVault(
				DocumentStorageProperties.local(data.resolve("documents"), DataSize.ofMegabytes(1), keys, active));
	}

	private static DocumentStorageProperties bind(Map<String, String> values) {
		return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("atrium.documents",
				DocumentStorageProperties.class);
	}
}
