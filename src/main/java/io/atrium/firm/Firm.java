package io.atrium.firm;

import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

@Table("firm")
class Firm {

	static final String DEFAULT_ACCENT = "#1f5fbf";
	private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{1,38}[a-z0-9])");
	private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");

	private final @Id UUID id;
	private String name;
	private final String slug;
	private String accentColour;
	private final Instant createdAt;
	private @Version Integer version;

	@PersistenceCreator
	Firm(UUID id, String name, String slug, String accentColour, Instant createdAt, Integer version) {
		this.id = id;
		this.name = name;
		this.slug = slug;
		this.accentColour = accentColour;
		this.createdAt = createdAt;
		this.version = version;
	}

	static Firm create(String name, String slug, Instant now) {
		if (!isValidSlug(slug)) {
			throw new IllegalArgumentException("invalid slug");
		}
		return new Firm(UUID.randomUUID(), name.strip(), slug, DEFAULT_ACCENT, now, null);
	}

	static boolean isValidSlug(String slug) {
		return slug != null && SLUG.matcher(slug).matches() && !slug.contains("--");
	}

	void rebrand(String name, String accentColour) {
		if (accentColour == null || !COLOUR.matcher(accentColour).matches()) {
			throw new IllegalArgumentException("invalid colour");
		}
		this.name = name.strip();
		this.accentColour = accentColour.toLowerCase();
	}

	FirmView view() {
		return new FirmView(new FirmId(id), name, slug, accentColour);
	}

	FirmId id() {
		return new FirmId(id);
	}
}
