package io.atrium;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two complete Atrium nodes on one fresh PostgreSQL database, as in production behind a load balancer, and plain
 * HTTP to talk to them as a browser would. Without PostgreSQL the start is skipped, but failed in CI
 * ({@link TestDatabase#requirePostgresDatabase()}). Documents go to a local folder per node unless the properties
 * given choose another store.
 */
public final class TwoNodes implements AutoCloseable {

	private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
	private static final Pattern CSRF_META = Pattern.compile("name=\"csrf-token\"\\s+content=\"([^\"]+)\"");

	private final Path documents;
	private final ConfigurableApplicationContext contextA;
	private final ConfigurableApplicationContext contextB;
	private final Node a;
	private final Node b;
	private final HttpClient http = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private TwoNodes(Path documents, ConfigurableApplicationContext contextA, ConfigurableApplicationContext contextB) {
		this.documents = documents;
		this.contextA = contextA;
		this.contextB = contextB;
		this.a = new Node("A", port(contextA));
		this.b = new Node("B", port(contextB));
	}

	/** Starts node A, then node B (A runs the migrations), each with {@code properties} over the defaults. */
	public static TwoNodes start(Map<String, ?> properties) throws IOException {
		var database = TestDatabase.requirePostgresDatabase();
		var documents = Files.createTempDirectory("atrium-two-nodes-");
		ConfigurableApplicationContext first = null;
		try {
			first = startNode("a", database, documents, properties);
			var second = startNode("b", database, documents, properties);
			return new TwoNodes(documents, first, second);
		}
		catch (RuntimeException e) {
			if (first != null) {
				first.close();
			}
			delete(documents);
			throw e;
		}
	}

	public Node a() {
		return a;
	}

	public Node b() {
		return b;
	}

	public ConfigurableApplicationContext contextA() {
		return contextA;
	}

	public ConfigurableApplicationContext contextB() {
		return contextB;
	}

	/** The folder under which each node has its local document folder (unused when the store is s3). */
	public Path folder() {
		return documents;
	}

	/** A new browser, without cookies. */
	public Visitor visitor() {
		return new Visitor();
	}

	@Override
	public void close() throws IOException {
		try {
			contextA.close();
		}
		finally {
			contextB.close();
			delete(documents);
		}
	}

	/** Properties as command-line arguments: they must win over application.properties (the builder's would not). */
	private static ConfigurableApplicationContext startNode(String name, String database, Path documents,
			Map<String, ?> overrides) {
		var properties = new LinkedHashMap<String, Object>();
		properties.put("server.port", "0");
		properties.put("spring.datasource.url", database);
		properties.put("spring.datasource.username", TestDatabase.user());
		properties.put("spring.datasource.password", TestDatabase.password());
		properties.put("spring.mail.host", "127.0.0.1");
		properties.put("spring.mail.port", TestMail.server().getSmtp().getPort());
		properties.put("atrium.mail.dispatch-interval", "200ms");
		properties.put("atrium.jobs.polling-interval", "200ms");
		properties.put("atrium.documents.folder", documents.resolve(name).toString());
		properties.put("spring.jmx.enabled", "false");
		properties.put("spring.application.admin.enabled", "false");
		properties.putAll(overrides);
		var arguments = properties.entrySet()
			.stream()
			.map(p -> "--" + p.getKey() + "=" + p.getValue())
			.toArray(String[]::new);
		return new SpringApplicationBuilder(AtriumApplication.class).bannerMode(Banner.Mode.OFF)
			.registerShutdownHook(false)
			.run(arguments);
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private static void delete(Path folder) throws IOException {
		try (var files = Files.walk(folder)) {
			files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
	}

	// ---------------------------------------------------------------- helpers for pages and answers

	/** The CSRF token of a page: its forms' hidden field or, without a form, its meta tag. */
	public static String csrf(HttpResponse<String> page) {
		var input = CSRF_INPUT.matcher(page.body());
		if (input.find()) {
			return input.group(1);
		}
		return find(CSRF_META, page.body(), "a CSRF token on " + page.uri());
	}

	/** The first group of {@code pattern} in {@code text} (or the whole match); fails when there is none. */
	public static String find(Pattern pattern, CharSequence text, String what) {
		var matcher = pattern.matcher(text);
		assertThat(matcher.find()).as("%s in:%n%s", what, text).isTrue();
		return matcher.groupCount() > 0 ? matcher.group(1) : matcher.group();
	}

	public static void assertRedirect(HttpResponse<?> response, String target) {
		assertThat(response.statusCode()).as(describe(response)).isEqualTo(302);
		var location = location(response);
		assertThat(location.startsWith(target) || location.contains("//" + URI.create(location).getAuthority() + target))
			.as("redirect to %s, got %s", target, location)
			.isTrue();
	}

	public static String location(HttpResponse<?> response) {
		return response.headers().firstValue("Location").orElse("");
	}

	public static String describe(HttpResponse<?> response) {
		return response.request().method() + " " + response.uri() + " -> " + response.statusCode() + " "
				+ response.headers().firstValue("Location").orElse("") + "\n"
				+ (response.body() instanceof String text ? text : "");
	}

	public static Map<String, String> form(String... pairs) {
		var form = new LinkedHashMap<String, String>();
		for (int i = 0; i < pairs.length; i += 2) {
			form.put(pairs[i], pairs[i + 1]);
		}
		return form;
	}

	/** One node's address. */
	public record Node(String name, int port) {

		public URI uri(String path) {
			return URI.create("http://127.0.0.1:" + port + path);
		}
	}

	/** One person's browser, reduced to its cookies; the same cookies go to whichever node is asked. */
	public final class Visitor {

		private final Map<String, String> cookies = new LinkedHashMap<>();
		private final Map<String, String> headers = new LinkedHashMap<>();

		/** Sends {@code value} in header {@code name} with every request (say X-Forwarded-For, as a balancer would). */
		public Visitor withHeader(String name, String value) {
			headers.put(name, value);
			return this;
		}

		public HttpResponse<String> get(Node node, String path) throws IOException, InterruptedException {
			return send(request(node, path).GET(), HttpResponse.BodyHandlers.ofString());
		}

		/** GET that keeps the body as bytes, with extra headers as name, value, ... (say Range). */
		public HttpResponse<byte[]> getBytes(Node node, String path, String... extra)
				throws IOException, InterruptedException {
			var request = request(node, path).GET();
			for (int i = 0; i + 1 < extra.length; i += 2) {
				request.header(extra[i], extra[i + 1]);
			}
			return send(request, HttpResponse.BodyHandlers.ofByteArray());
		}

		public HttpResponse<String> post(Node node, String path, Map<String, String> form)
				throws IOException, InterruptedException {
			var body = form.entrySet()
				.stream()
				.map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
				.collect(Collectors.joining("&"));
			return send(request(node, path).header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body)), HttpResponse.BodyHandlers.ofString());
		}

		/** Uploads {@code content} as the raw body, as the page's uploader does. */
		public HttpResponse<String> upload(Node node, String path, String fileName, byte[] content, String csrf)
				throws IOException, InterruptedException {
			return send(request(node, path).header("Content-Type", "application/octet-stream")
				.header("X-File-Name", encode(fileName))
				.header("X-CSRF-TOKEN", csrf)
				.POST(HttpRequest.BodyPublishers.ofByteArray(content)), HttpResponse.BodyHandlers.ofString());
		}

		private HttpRequest.Builder request(Node node, String path) {
			var request = HttpRequest.newBuilder(node.uri(path)).timeout(Duration.ofSeconds(30));
			headers.forEach(request::header);
			if (!cookies.isEmpty()) {
				request.header("Cookie", cookies.entrySet()
					.stream()
					.map(e -> e.getKey() + "=" + e.getValue())
					.collect(Collectors.joining("; ")));
			}
			return request;
		}

		private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body)
				throws IOException, InterruptedException {
			var response = http.send(request.build(), body);
			for (var header : response.headers().allValues("Set-Cookie")) {
				var pair = header.split(";", 2)[0];
				var name = pair.substring(0, pair.indexOf('=')).strip();
				var value = pair.substring(pair.indexOf('=') + 1).strip();
				if (value.isEmpty() || header.toLowerCase(Locale.ROOT).contains("max-age=0")) {
					cookies.remove(name);
				}
				else {
					cookies.put(name, value);
				}
			}
			return response;
		}

		private String encode(String value) {
			return URLEncoder.encode(value, StandardCharsets.UTF_8);
		}
	}
}
