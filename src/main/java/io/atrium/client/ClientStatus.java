package io.atrium.client;

public enum ClientStatus {
	ACTIVE, ARCHIVED
}
