package io.atrium.engagement;

import io.atrium.client.ClientType;
import io.atrium.staff.AssignmentRole;

/**
 * Whom a new client of a type starts with in a role (null: nobody). {@code eligible} is false when that person
 * may no longer hold the role; new clients then start without them.
 */
public record OnboardingDefault(ClientType clientType, AssignmentRole role, Assignee assignee, boolean eligible) {
}
