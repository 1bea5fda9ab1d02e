package io.atrium.staff.web;

import io.atrium.platform.PasswordPolicy;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A new password typed twice. */
record PasswordForm(@NotBlank @Size(max = PasswordPolicy.MAXIMUM) String password, String confirm) {

	boolean confirmed() {
		return password != null && password.equals(confirm);
	}
}
