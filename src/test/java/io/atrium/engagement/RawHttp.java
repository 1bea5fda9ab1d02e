package io.atrium.engagement;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;
import java.util.regex.Pattern;

import io.atrium.TestHttp;

/**
 * What {@link TestHttp} does not do: htmx requests (with the {@code HX-Request} header and the CSRF token in a
 * header, as atrium.js sends it), repeated form fields, JSON with PUT. Runs in the session of a {@link TestHttp}.
 */
final class RawHttp {

	private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");

	private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private RawHttp() {
	}

	/** An urlencoded form body from name, value pairs; a name may repeat. */
	static String form(String... pairs) {
		var joiner = new StringJoiner("&");
		for (int i = 0; i < pairs.length; i += 2) {
			joiner.add(enc(pairs[i]) + "=" + enc(pairs[i + 1]));
		}
		return joiner.toString();
	}

	static HttpResponse<String> htmxGet(TestHttp http, String path) {
		return send(http, HttpRequest.newBuilder(URI.create(http.base() + path)).header("HX-Request", "true").GET());
	}

	static HttpResponse<String> htmxPost(TestHttp http, String path, String body) {
		return send(http, HttpRequest.newBuilder(URI.create(http.base() + path))
			.header("HX-Request", "true")
			.header("X-CSRF-TOKEN", csrf(http))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/** A plain form post (no htmx) whose fields may repeat. */
	static HttpResponse<String> post(TestHttp http, String path, String body) {
		return send(http, HttpRequest.newBuilder(URI.create(http.base() + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body + "&_csrf=" + enc(csrf(http)))));
	}

	static HttpResponse<String> getJson(TestHttp http, String path) {
		return send(http, HttpRequest.newBuilder(URI.create(http.base() + path)).header("Accept", "application/json").GET());
	}

	static HttpResponse<String> putJson(TestHttp http, String path, String json) {
		return send(http, HttpRequest.newBuilder(URI.create(http.base() + path))
			.header("Accept", "application/json")
			.header("Content-Type", "application/json")
			.header("X-CSRF-TOKEN", csrf(http))
			.PUT(HttpRequest.BodyPublishers.ofString(json)));
	}

	/** The session's CSRF token, as the layout hands it to scripts. */
	static String csrf(TestHttp http) {
		var matcher = CSRF.matcher(http.get("/app").body());
		if (!matcher.find()) {
			throw new AssertionError("no CSRF token on /app");
		}
		return matcher.group(1).replace("&#45;", "-");
	}

	private static HttpResponse<String> send(TestHttp http, HttpRequest.Builder request) {
		try {
			return CLIENT.send(request.header("Cookie", "ATRIUM_SESSION=" + http.cookie("ATRIUM_SESSION"))
				.header("User-Agent", "TestHttp/1.0")
				.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
