package io.atrium.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

	private final PasswordPolicy policy = new PasswordPolicy();

	@Test
	void shipsAListOfAtLeastTenThousandCommonPasswords() {
		assertThat(policy.commonPasswordCount()).isGreaterThanOrEqualTo(10_000);
	}

	@Test
	void rejectsShortPasswords() {
		assertThat(policy.check("elevenchars", PasswordPolicy.STAFF_MINIMUM, null)).contains("password.too-short");
		assertThat(policy.check("", PasswordPolicy.STAFF_MINIMUM, null)).contains("password.too-short");
		assertThat(policy.check(null, PasswordPolicy.STAFF_MINIMUM, null)).contains("password.too-short");
	}

	@Test
	void rejectsCommonPasswordsWhateverTheirCase() {
		assertThat(policy.check("password1234", PasswordPolicy.STAFF_MINIMUM, null)).contains("password.common");
		assertThat(policy.check("PASSWORD1234", PasswordPolicy.STAFF_MINIMUM, null)).contains("password.common");
		assertThat(policy.check("qwertyuiop123", PasswordPolicy.STAFF_MINIMUM, null)).contains("password.common");
	}

	@Test
	void rejectsTheEmailAddressAsPassword() {
		assertThat(policy.check("maria.lopez@example.com", PasswordPolicy.STAFF_MINIMUM, "Maria.Lopez@example.com"))
			.contains("password.is-email");
	}

	@Test
	void rejectsOverlongPasswords() {
		assertThat(policy.check("x".repeat(129), PasswordPolicy.STAFF_MINIMUM, null)).contains("password.too-long");
	}

	@Test
	void acceptsLongUncommonPassphrasesWithoutCompositionRules() {
		assertThat(policy.check("mellow tangerine harbor lamp", PasswordPolicy.STAFF_MINIMUM, "a@b.test")).isEmpty();
		assertThat(policy.check("correct horse battery staple", PasswordPolicy.STAFF_MINIMUM, null))
			.as("the famous example is on the list").contains("password.common");
		assertThat(policy.check("lowercaseonlyphrase", PasswordPolicy.STAFF_MINIMUM, null)).isEmpty();
	}
}
