package io.atrium;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a screen: real HTTP against the running app, with its own cookies, following no redirects,
 * and sending the CSRF token of the last page it fetched (as a form does).
 */
public class TestHttp {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final String base;
	private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
	private final HttpClient client;
	private String csrf;

	public TestHttp(int port) {
		this("http://localhost:" + port);
	}

	public TestHttp(String base) {
		this.base = base;
		this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	public HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).header("User-Agent", "TestHttp/1.0").GET().build());
	}

	/** Fetches {@code page} for its CSRF token, then posts the form to {@code action}. */
	public HttpResponse<String> submit(String page, String action, Map<String, String> fields) {
		get(page);
		return post(action, fields);
	}

	public HttpResponse<String> post(String path, Map<String, String> fields) {
		var all = new LinkedHashMap<>(fields);
		if (csrf != null && !all.containsKey("_csrf")) {
			all.put("_csrf", csrf);
		}
		return postRaw(path, all);
	}

	public HttpResponse<String> postWithoutCsrf(String path, Map<String, String> fields) {
		return postRaw(path, fields);
	}

	private HttpResponse<String> postRaw(String path, Map<String, String> fields) {
		var body = fields.entrySet().stream()
			.map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("User-Agent", "TestHttp/1.0")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	/** Signs in as staff; returns the response of the sign-in POST. */
	public HttpResponse<String> signIn(String email, String password) {
		return submit("/signin", "/signin", Map.of("email", email, "password", password));
	}

	public String cookie(String name) {
		return cookies.getCookieStore().getCookies().stream()
			.filter(c -> c.getName().equals(name))
			.map(java.net.HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	public void forgetCookies() {
		cookies.getCookieStore().removeAll();
		csrf = null;
	}

	public String base() {
		return base;
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			var response = client.send(request, HttpResponse.BodyHandlers.ofString());
			var matcher = CSRF.matcher(response.body());
			if (matcher.find()) {
				csrf = matcher.group(1).replace("&#45;", "-");
			}
			return response;
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
