package io.atrium.client;

/** A contact's details as a person enters them: for a new contact, and as the new state of an edited one. */
public record NewContact(String name, String email, String phone, String notes) {
}
