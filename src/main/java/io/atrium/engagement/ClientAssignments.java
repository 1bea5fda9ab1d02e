package io.atrium.engagement;

import java.util.List;

import io.atrium.client.ClientId;

/** A client's four client-level assignments, and whether the viewer may change them. */
public record ClientAssignments(ClientId client, String clientName, boolean changeable, List<RoleAssignment> roles) {
}
