package io.atrium.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;

import io.atrium.access.PortalIdentityId;
import io.atrium.client.ClientId;
import io.atrium.client.ContactId;
import io.atrium.firm.FirmId;

/** The portal's security context in the session store: read back as it was saved; other contexts left alone. */
class PortalContextCodecTest {

	private final PortalContextCodec codec = new PortalContextCodec();

	private final PortalPrincipal principal = new PortalPrincipal(new PortalIdentityId(UUID.randomUUID()),
			new FirmId(UUID.randomUUID()), "acme", "ann@example.com", new ClientId(UUID.randomUUID()),
			new ContactId(UUID.randomUUID()), 3);

	@Test
	void theContextAPortalSignInSavesIsReadBackTheSame() throws Exception {
		var context = context(principal, PortalSessions.ROLE);
		assertThat(codec.accepts(context)).isTrue();

		var bytes = new ByteArrayOutputStream();
		codec.write(context, new DataOutputStream(bytes));
		var read = codec.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));

		assertThat(read.getAuthentication()).isInstanceOf(UsernamePasswordAuthenticationToken.class);
		assertThat(read.getAuthentication().isAuthenticated()).isTrue();
		assertThat(read.getAuthentication().getPrincipal()).isEqualTo(principal);
		assertThat(read.getAuthentication().getCredentials()).isNull();
		assertThat(read.getAuthentication().getAuthorities()).extracting(Object::toString).containsExactly("ROLE_PORTAL");
		assertThat(PortalSessions.principal()).isEmpty();
	}

	@Test
	void anyOtherContextKeepsJavaSerialization() {
		assertThat(codec.accepts(new SecurityContextImpl())).as("nobody signed in").isFalse();
		assertThat(codec.accepts(context(principal, "ROLE_ADMIN"))).as("another role").isFalse();
		assertThat(codec.accepts(context("someone", PortalSessions.ROLE))).as("another principal").isFalse();
		var unauthenticated = new SecurityContextImpl(
				UsernamePasswordAuthenticationToken.unauthenticated(principal, null));
		assertThat(codec.accepts(unauthenticated)).as("not authenticated").isFalse();
		var withCredentials = new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(principal,
				"secret", List.of(new SimpleGrantedAuthority(PortalSessions.ROLE))));
		assertThat(codec.accepts(withCredentials)).as("credentials").isFalse();
		var testing = new SecurityContextImpl(new TestingAuthenticationToken(principal, null, PortalSessions.ROLE));
		assertThat(codec.accepts(testing)).as("another kind of authentication").isFalse();
	}

	private static SecurityContextImpl context(Object principal, String role) {
		return new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(principal, null,
				List.of(new SimpleGrantedAuthority(role))));
	}
}
