package io.atrium;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.springframework.test.context.DynamicPropertyRegistry;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

/** One GreenMail SMTP server for the whole suite, on a free port; tests read the mail sent to their own addresses. */
public final class TestMail {

	private static GreenMail server;

	private TestMail() {
	}

	public static synchronized GreenMail server() {
		if (server == null) {
			server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
			server.start();
		}
		return server;
	}

	public static void register(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> server().getSmtp().getPort());
		registry.add("atrium.mail.dispatch-interval", () -> "200ms");
	}

	/** Waits until {@code count} messages to {@code address} have arrived, and returns them. */
	public static List<MimeMessage> awaitMessages(String address, int count, Duration timeout) {
		var deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			var received = Arrays.stream(server().getReceivedMessages())
				.filter(m -> isTo(m, address))
				.toList();
			if (received.size() >= count || System.nanoTime() > deadline) {
				return received;
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return received;
			}
		}
	}

	public static List<MimeMessage> messagesTo(String address) {
		return Arrays.stream(server().getReceivedMessages()).filter(m -> isTo(m, address)).toList();
	}

	/** The decoded plain-text part of a message (or its only part). */
	public static String text(MimeMessage message) {
		try {
			return text((jakarta.mail.Part) message);
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	/** The decoded HTML part of a message, or empty. */
	public static String html(MimeMessage message) {
		try {
			return part(message, "text/html");
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	/** The first link in the message's text that contains {@code pathPart}, made relative to the app. */
	public static String link(MimeMessage message, String pathPart) {
		var matcher = java.util.regex.Pattern.compile("https?://[^\\s\"<>]*" + java.util.regex.Pattern.quote(pathPart)
				+ "[^\\s\"<>]*").matcher(text(message));
		if (!matcher.find()) {
			throw new AssertionError("no link with " + pathPart + " in:\n" + text(message));
		}
		return java.net.URI.create(matcher.group()).getRawPath();
	}

	private static String text(jakarta.mail.Part part) throws Exception {
		var found = part(part, "text/plain");
		return found.isEmpty() ? String.valueOf(part.getContent()) : found;
	}

	private static String part(jakarta.mail.Part part, String type) throws Exception {
		if (part.isMimeType(type)) {
			return String.valueOf(part.getContent());
		}
		if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				var found = part(multipart.getBodyPart(i), type);
				if (!found.isEmpty()) {
					return found;
				}
			}
		}
		return "";
	}

	private static boolean isTo(MimeMessage message, String address) {
		try {
			var to = message.getRecipients(Message.RecipientType.TO);
			return to != null && Arrays.stream(to).anyMatch(a -> a.toString().toLowerCase().contains(address.toLowerCase()));
		}
		catch (jakarta.mail.MessagingException e) {
			return false;
		}
	}
}
