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
import java.util.List;
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

	/**
	 * Uploads {@code content} as the raw body, as the page's uploader does: the name in {@code X-File-Name}
	 * (URL-encoded) and the CSRF token of the last page in {@code X-CSRF-TOKEN}.
	 */
	public HttpResponse<String> upload(String path, String fileName, byte[] content) {
		return upload(path, fileName, HttpRequest.BodyPublishers.ofByteArray(content));
	}

	public HttpResponse<String> upload(String path, String fileName, HttpRequest.BodyPublisher body) {
		var request = HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/octet-stream")
			.header("X-File-Name", enc(fileName))
			.header("User-Agent", "TestHttp/1.0")
			.POST(body);
		if (csrf != null) {
			request.header("X-CSRF-TOKEN", csrf);
		}
		return send(request.build());
	}

	/** Posts a multipart form with text {@code fields} and one file per entry of {@code files} (field name, file name, bytes). */
	public HttpResponse<String> postMultipart(String path, Map<String, String> fields, List<FilePart> files) {
		var boundary = "----atrium" + java.util.UUID.randomUUID();
		var out = new java.io.ByteArrayOutputStream();
		var all = new LinkedHashMap<>(fields);
		if (csrf != null && !all.containsKey("_csrf")) {
			all.put("_csrf", csrf);
		}
		all.forEach((name, value) -> write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
				+ "\"\r\n\r\n" + value + "\r\n"));
		for (var file : files) {
			write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.field() + "\"; filename=\""
					+ file.name() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
			out.writeBytes(file.content());
			write(out, "\r\n");
		}
		write(out, "--" + boundary + "--\r\n");
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("User-Agent", "TestHttp/1.0")
			.POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()))
			.build());
	}

	/** One file of a multipart form. */
	public record FilePart(String field, String name, byte[] content) {
	}

	/** GET that keeps the body as bytes, with extra request headers (say {@code Range}). */
	public HttpResponse<byte[]> getBytes(String path, String... headers) {
		var request = HttpRequest.newBuilder(URI.create(base + path)).header("User-Agent", "TestHttp/1.0").GET();
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		try {
			return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** The CSRF token of the last page fetched. */
	public String csrf() {
		return csrf;
	}

	private static void write(java.io.ByteArrayOutputStream out, String text) {
		out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
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
