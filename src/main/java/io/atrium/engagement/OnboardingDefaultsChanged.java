package io.atrium.engagement;

import io.atrium.client.ClientType;
import io.atrium.firm.FirmId;
import io.atrium.staff.AssignmentRole;
import io.atrium.staff.StaffId;

/** The person a new client of {@code clientType} starts with in {@code role} changed ({@code to} null: nobody). */
public record OnboardingDefaultsChanged(FirmId firm, ClientType clientType, AssignmentRole role, StaffId from,
		StaffId to, StaffId by) {
}
