package io.atrium.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import io.atrium.firm.FirmView;

/**
 * Renders an email from {@code templates/mail/{name}.html} and {@code {name}.txt}, with the subject from message
 * {@code mail.{name}.subject}. Both bodies get the firm (its name), {@code accent} and {@code onAccent} (its
 * colour and a readable text colour on it), besides the given variables; {@code logoUrl} is optional. Mail has its own
 * engine: the web engine's resolver would also offer pages as emails, and emails must not depend on a request.
 */
@Component
class MailTemplates {

	private static final Locale LOCALE = Locale.ENGLISH;
	private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");
	private static final String DEFAULT_ACCENT = "#1f5fbf";

	private final SpringTemplateEngine engine;
	private final MessageSource messages;
	private final String baseUrl;
	private final Clock clock;

	MailTemplates(MessageSource messages, @Value("${atrium.base-url}") String baseUrl, Clock clock) {
		this.messages = messages;
		this.baseUrl = baseUrl;
		this.clock = clock;
		this.engine = new SpringTemplateEngine();
		this.engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 1));
		this.engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 2));
		this.engine.setTemplateEngineMessageSource(messages);
	}

	RenderedEmail render(String name, FirmView firm, Map<String, Object> variables, Object... subjectArgs) {
		var subject = messages.getMessage("mail." + name + ".subject", subjectArgs, LOCALE).replaceAll("[\\r\\n]+", " ");
		var model = new HashMap<String, Object>(variables);
		var accent = firm.accentColour() != null && COLOUR.matcher(firm.accentColour()).matches() ? firm.accentColour()
				: DEFAULT_ACCENT;
		model.put("firm", firm);
		model.put("accent", accent);
		model.put("onAccent", readableOn(accent));
		model.put("subject", subject);
		var context = new Context(LOCALE, model);
		return new RenderedEmail(subject, engine.process(name + ".html", context), engine.process(name + ".txt", context));
	}

	/** An absolute link into Atrium, e.g. {@code link("/invitation/{token}", token)}. */
	String link(String path, Object... uriVariables) {
		return UriComponentsBuilder.fromUriString(baseUrl).path(path).buildAndExpand(uriVariables).encode().toUriString();
	}

	/** How long something that ends at {@code end} remains valid, in words: "7 days", "1 hour". */
	String validFor(Instant end) {
		long minutes = Math.max(1, Math.round(Duration.between(clock.instant(), end).toSeconds() / 60.0));
		long hours = Math.round(minutes / 60.0);
		if (hours >= 48) {
			return messages.getMessage("mail.period.days", new Object[] { Math.round(hours / 24.0) }, LOCALE);
		}
		if (minutes >= 60) {
			return messages.getMessage("mail.period.hours", new Object[] { hours }, LOCALE);
		}
		return messages.getMessage("mail.period.minutes", new Object[] { minutes }, LOCALE);
	}

	/** White or near-black, whichever contrasts more with the accent (WCAG relative luminance). */
	static String readableOn(String accent) {
		int rgb = Integer.parseInt(accent.substring(1), 16);
		double luminance = 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
		return luminance > 0.179 ? "#111111" : "#ffffff";
	}

	private static double channel(int value) {
		double c = (value & 0xff) / 255.0;
		return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
	}

	private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
		var resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/mail/");
		resolver.setResolvablePatterns(Set.of(pattern));
		resolver.setTemplateMode(mode);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCheckExistence(true);
		resolver.setOrder(order);
		return resolver;
	}
}
