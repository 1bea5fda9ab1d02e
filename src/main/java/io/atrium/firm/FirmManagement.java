package io.atrium.firm;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.atrium.platform.InvalidRequestException;
import io.atrium.platform.NotFoundException;
import io.atrium.platform.ShortLivedCache;

/** Creates firms and answers who a firm is. */
@Service
public class FirmManagement {

	/** Words that cannot be a firm's portal address: they collide with Atrium's own paths or look official. */
	private static final Set<String> RESERVED_SLUGS = Set.of("app", "api", "admin", "setup", "signin", "signout",
			"signup", "password", "dev", "actuator", "static", "css", "js", "www", "mail", "support", "help", "atrium");

	private final FirmRepository firms;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final ShortLivedCache<FirmId, FirmView> byId = new ShortLivedCache<>(10_000);
	private final ShortLivedCache<String, FirmView> bySlug = new ShortLivedCache<>(10_000);

	FirmManagement(FirmRepository firms, ApplicationEventPublisher events, Clock clock) {
		this.firms = firms;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public boolean anyFirmExists() {
		return firms.anyExists();
	}

	/** Creates a firm; the caller has validated the form, so only a taken portal address can fail here. */
	@Transactional
	public FirmView create(String name, String slug) {
		var normalized = slug.strip().toLowerCase();
		if (RESERVED_SLUGS.contains(normalized) || firms.existsBySlug(normalized)) {
			throw new SlugTakenException(normalized);
		}
		var firm = firms.save(Firm.create(name, normalized, clock.instant()));
		forgetFirms();
		events.publishEvent(new FirmCreated(firm.id(), name, normalized));
		return firm.view();
	}

	public static boolean isValidSlug(String slug) {
		return Firm.isValidSlug(slug);
	}

	/** The firm; remembered for a few seconds, as every portal request asks (see {@link ShortLivedCache}). */
	public FirmView get(FirmId id) {
		return byId.get(id, key -> firms.findById(key.value()).map(Firm::view))
			.orElseThrow(() -> new NotFoundException("firm"));
	}

	/** The firm at a portal address; remembered for a few seconds, as every portal request asks. */
	public Optional<FirmView> findBySlug(String slug) {
		return bySlug.get(slug.toLowerCase(), key -> firms.findBySlug(key).map(Firm::view));
	}

	@Transactional
	public FirmView rebrand(FirmId id, String name, String accentColour) {
		var firm = firms.findById(id.value()).orElseThrow(() -> new NotFoundException("firm"));
		if (name == null || name.isBlank() || name.strip().length() > 120) {
			throw new InvalidRequestException("name", "firm.name.invalid");
		}
		if (accentColour == null || !accentColour.matches("#[0-9a-fA-F]{6}")) {
			throw new InvalidRequestException("accentColour", "firm.colour.invalid");
		}
		firm.rebrand(name, accentColour);
		var saved = firms.save(firm).view();
		forgetFirms();
		events.publishEvent(new FirmRebranded(saved.id(), saved.name(), saved.accentColour()));
		return saved;
	}

	/** A firm was created or changed: what this node remembers of firms goes (see {@link ShortLivedCache}). */
	private void forgetFirms() {
		byId.clearAfterCommit();
		bySlug.clearAfterCommit();
	}
}
