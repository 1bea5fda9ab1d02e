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
