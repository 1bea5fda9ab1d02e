package io.atrium.staff.web;

import io.atrium.platform.PasswordPolicy;
import io.atrium.staff.StaffManagement.NewFirm;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record NewFirmForm(@NotBlank @Size(max = 120) String firmName, @NotBlank @Size(min = 3, max = 40) String slug,
		@NotBlank @Size(max = 120) String ownerName, @NotBlank @Email @Size(max = 254) String email,
		@NotBlank @Size(max = PasswordPolicy.MAXIMUM) String password, Boolean demoData) {

	/** An unticked checkbox sends nothing; a primitive would make that a binding error. */
	public boolean wantsDemoData() {
		return Boolean.TRUE.equals(demoData);
	}

	static NewFirmForm empty() {
		return new NewFirmForm("", "", "", "", "", Boolean.FALSE);
	}

	NewFirm toCommand() {
		return new NewFirm(firmName.strip(), slug.strip().toLowerCase(), ownerName.strip(), email.strip(), password,
				wantsDemoData());
	}
}
