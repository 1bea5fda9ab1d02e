package io.atrium.portal.web;

import io.atrium.platform.PasswordPolicy;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A new portal password typed twice; the access module checks it against the password policy. */
record PasswordForm(@NotBlank @Size(max = PasswordPolicy.MAXIMUM) String password, String confirm) {

	boolean confirmed() {
		return password != null && password.equals(confirm);
	}
}
