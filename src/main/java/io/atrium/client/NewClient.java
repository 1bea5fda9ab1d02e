package io.atrium.client;

/**
 * A client's details as a person enters them: for a new client, and as the new state of an edited one. Values are
 * checked and normalized by {@link ClientManagement}; blank optional values are stored as nothing.
 */
public record NewClient(ClientType type, String name, String email, String phone, String notes) {
}
