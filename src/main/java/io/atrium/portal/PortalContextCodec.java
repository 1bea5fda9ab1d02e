package io.atrium.portal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.stereotype.Component;

import io.atrium.access.PortalIdentityId;
import io.atrium.client.ClientId;
import io.atrium.client.ContactId;
import io.atrium.firm.FirmId;
import io.atrium.platform.SessionValues;

/**
 * The portal's security context in the session store, in a compact form instead of Java serialization: it is read
 * back on every portal request (see {@link SessionValues}). Only the context {@link PortalSessions} saves (a signed-in
 * {@link PortalPrincipal} with the portal's role, nothing else) takes this form; any other context is Java-serialized
 * as before.
 */
@Component
class PortalContextCodec implements SessionValues.Codec<SecurityContextImpl> {

	private static final List<SimpleGrantedAuthority> AUTHORITIES = List
		.of(new SimpleGrantedAuthority(PortalSessions.ROLE));

	@Override
	public byte tag() {
		return 3;
	}

	@Override
	public Class<SecurityContextImpl> type() {
		return SecurityContextImpl.class;
	}

	@Override
	public boolean accepts(Object value) {
		return value instanceof SecurityContextImpl context && context.getAuthentication() != null
				&& context.getAuthentication().getClass() == UsernamePasswordAuthenticationToken.class
				&& context.getAuthentication().isAuthenticated()
				&& context.getAuthentication().getPrincipal() instanceof PortalPrincipal principal
				&& principal.slug() != null && principal.email() != null
				&& context.getAuthentication().getCredentials() == null
				&& context.getAuthentication().getDetails() == null
				&& AUTHORITIES.equals(List.copyOf(context.getAuthentication().getAuthorities()));
	}

	@Override
	public void write(SecurityContextImpl context, DataOutputStream out) throws IOException {
		var principal = (PortalPrincipal) context.getAuthentication().getPrincipal();
		SessionValues.writeUuid(principal.identity().value(), out);
		SessionValues.writeUuid(principal.firm().value(), out);
		out.writeUTF(principal.slug());
		out.writeUTF(principal.email());
		SessionValues.writeUuid(principal.client().value(), out);
		SessionValues.writeUuid(principal.contact().value(), out);
		out.writeInt(principal.credentialsVersion());
	}

	@Override
	public SecurityContextImpl read(DataInputStream in) throws IOException {
		var principal = new PortalPrincipal(new PortalIdentityId(SessionValues.readUuid(in)),
				new FirmId(SessionValues.readUuid(in)), in.readUTF(), in.readUTF(),
				new ClientId(SessionValues.readUuid(in)), new ContactId(SessionValues.readUuid(in)), in.readInt());
		return new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(principal, null, AUTHORITIES));
	}
}
