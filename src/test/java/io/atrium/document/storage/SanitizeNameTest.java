package io.atrium.document.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import io.atrium.document.UploadRejectedException;
import io.atrium.document.UploadRejectedException.Reason;

class SanitizeNameTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "report.pdf|report.pdf", "../../etc/passwd|passwd",
			"C:\\Users\\ana\\Tax 2025.xlsx|Tax 2025.xlsx", "..hidden.txt|hidden.txt", "what?*<>:.pdf|what.pdf", "  many    spaces\t here .pdf  |many spaces here .pdf", "trailing dots...|trailing dots",
			"Résumé.pdf|Résumé.pdf" })
	void cleans(String name, String expected) {
		assertThat(DocumentVault.sanitizeName(name)).isEqualTo(expected);
	}

	@Test
	void removesControlAndDirectionCharacters() {
		assertThat(DocumentVault.sanitizeName("new\r\nline\u0000.txt")).isEqualTo("newline.txt");
		// a right-to-left override would show "evilexe.pdf" for an .exe
		assertThat(DocumentVault.sanitizeName("evil\u202Efdp.exe")).isEqualTo("evilfdp.exe");
	}

	@Test
	void removesReservedCharacters() {
		assertThat(DocumentVault.sanitizeName("a<b>c:d\"e|f.pdf")).isEqualTo("a<b>c:d\"e|f.pdf".replaceAll("[<>:\"|]", ""));
	}

	@Test
	void keepsTheExtensionWhenShortening() {
		String name = "x".repeat(500) + ".docx";

		String clean = DocumentVault.sanitizeName(name);

		assertThat(clean).hasSize(200).endsWith("xxx.docx");
	}

	@Test
	void shortensWithoutSplittingCharacters() {
		String clean = DocumentVault.sanitizeName("😀".repeat(300) + ".pdf");

		assertThat(clean.codePointCount(0, clean.length())).isEqualTo(200);
		assertThat(clean).endsWith("😀.pdf");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "...", "../", "a/b/", "\u0000\u0001", "<>?*" })
	void refusesWhatLeavesNothing(String name) {
		assertThatThrownBy(() -> DocumentVault.sanitizeName(name)).isInstanceOfSatisfying(UploadRejectedException.class,
				ex -> assertThat(ex.reason()).isEqualTo(Reason.BAD_NAME));
	}

	@Test
	void refusesNull() {
		assertThatThrownBy(() -> DocumentVault.sanitizeName(null)).isInstanceOf(UploadRejectedException.class);
	}
}
