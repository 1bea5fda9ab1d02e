package bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A browser-like session against the app: keeps the ATRIUM_SESSION cookie, reads the CSRF token from pages (hidden
 * {@code _csrf} field or the {@code csrf-token} meta tag), follows no redirects (the caller sees them).
 */
final class Http {

	static final String COOKIE = "ATRIUM_SESSION";
	private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
	private static final Pattern CSRF_FIELD2 = Pattern.compile("value=\"([^\"]+)\"\\s+name=\"_csrf\"");
	private static final Pattern CSRF_META = Pattern.compile("name=\"csrf-token\"\\s+content=\"([^\"]+)\"");
	private static final Pattern SET_COOKIE = Pattern.compile(COOKIE + "=([^;]*)");

	private static final HttpClient CLIENT = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	final String base;
	String session;
	String csrf;

	Http(String base) {
		this.base = base;
	}

	HttpResponse<String> get(String path) throws IOException, InterruptedException {
		var response = send(request(path).GET().build());
		remember(response);
		return response;
	}

	/** Form POST with the current CSRF token added. */
	HttpResponse<String> post(String path, String... pairs) throws IOException, InterruptedException {
		var form = new ArrayList<String>();
		for (int i = 0; i < pairs.length; i += 2) {
			form.add(enc(pairs[i]) + "=" + enc(pairs[i + 1]));
		}
		if (csrf != null) {
			form.add("_csrf=" + enc(csrf));
		}
		return postBody(path, String.join("&", form));
	}

	HttpResponse<String> postBody(String path, String urlEncodedBody) throws IOException, InterruptedException {
		var response = send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(urlEncodedBody))
			.build());
		remember(response);
		return response;
	}

	/** The page uploader's request: the raw file as body, its name in X-File-Name, CSRF in a header. */
	HttpResponse<String> upload(String path, String name, byte[] content) throws IOException, InterruptedException {
		var response = send(request(path).header("Content-Type", "application/octet-stream")
			.header("X-File-Name", enc(name))
			.header("X-CSRF-TOKEN", csrf)
			.POST(HttpRequest.BodyPublishers.ofByteArray(content))
			.build());
		remember(response);
		return response;
	}

	/** Staff form login: GET /signin for the token, POST it with email and password; true when signed in. */
	boolean signInStaff(String email, String password) throws IOException, InterruptedException {
		csrf = csrfOf(get("/signin").body());
		var response = post("/signin", "email", email, "password", password);
		if (response.statusCode() != 302 || response.headers().firstValue("Location").orElse("").contains("error")) {
			return false;
		}
		refreshCsrf("/app/clients");
		return true;
	}

	/** Portal password sign-in; true when it lands on the portal home. */
	boolean signInPortal(String slug, String email, String password) throws IOException, InterruptedException {
		csrf = csrfOf(get("/p/" + slug + "/signin").body());
		var response = post("/p/" + slug + "/signin", "email", email, "password", password);
		if (response.statusCode() != 302 || !response.headers().firstValue("Location").orElse("").endsWith("/p/" + slug + "/")) {
			return false;
		}
		refreshCsrf("/p/" + slug + "/");
		return true;
	}

	/** The token bound to the (new) session, read from a page of it. */
	void refreshCsrf(String page) throws IOException, InterruptedException {
		var body = get(page).body();
		var token = csrfOf(body);
		if (token != null) {
			csrf = token;
		}
	}

	static String csrfOf(String html) {
		for (var p : List.of(CSRF_FIELD, CSRF_FIELD2, CSRF_META)) {
			var m = p.matcher(html);
			if (m.find()) {
				return m.group(1).replace("&#45;", "-").replace("&#x2d;", "-");
			}
		}
		return null;
	}

	private HttpRequest.Builder request(String path) {
		var builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(10));
		if (session != null) {
			builder.header("Cookie", COOKIE + "=" + session);
		}
		return builder;
	}

	private static <T> HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
		return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private void remember(HttpResponse<?> response) {
		for (var header : response.headers().allValues("Set-Cookie")) {
			var m = SET_COOKIE.matcher(header);
			if (m.find()) {
				session = m.group(1).isEmpty() ? null : m.group(1);
			}
		}
	}

	static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}
}
