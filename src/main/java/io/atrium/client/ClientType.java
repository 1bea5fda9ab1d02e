package io.atrium.client;

public enum ClientType {
	INDIVIDUAL, BUSINESS
}
