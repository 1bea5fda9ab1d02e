package io.atrium.document.storage;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * A real S3-compatible server for tests: S3Proxy on loopback (random port) over jclouds' in-memory store, with
 * signature checks on. {@code try (var s3 = S3ProxyServer.start()) { s3.createBucket("docs"); ... s3.endpoint() }},
 * then {@link #properties(String)} for a ready {@code atrium.documents.s3.*} setting.
 */
public final class S3ProxyServer implements AutoCloseable {

	public static final String ACCESS_KEY = "atrium-test";
	public static final String SECRET_KEY = "atrium-test-secret";
	public static final String REGION = "us-east-1";

	private final BlobStoreContext context;
	private final S3Proxy proxy;
	private final URI endpoint;

	private S3ProxyServer(BlobStoreContext context, S3Proxy proxy, URI endpoint) {
		this.context = context;
		this.proxy = proxy;
		this.endpoint = endpoint;
	}

	/** Starts a server; returns once it answers. */
	public static S3ProxyServer start() {
		BlobStoreContext context = ContextBuilder.newBuilder("transient").credentials("identity", "credential")
				.build(BlobStoreContext.class);
		try {
			S3Proxy proxy = S3Proxy.builder().blobStore(context.getBlobStore())
					.endpoint(URI.create("http://127.0.0.1:0"))
					.awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY).build();
			proxy.start();
			Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
			while (!"STARTED".equals(proxy.getState())) {
				if (Instant.now().isAfter(deadline)) {
					throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
				}
				Thread.sleep(10);
			}
			return new S3ProxyServer(context, proxy, URI.create("http://127.0.0.1:" + proxy.getPort()));
		}
		catch (Exception ex) {
			context.close();
			throw new IllegalStateException("Cannot start S3Proxy: " + ex.getMessage(), ex);
		}
	}

	/** {@code http://127.0.0.1:<port>}; use path-style access. */
	public URI endpoint() {
		return endpoint;
	}

	/** Creates {@code bucket} (no error when it exists). */
	public void createBucket(String bucket) {
		context.getBlobStore().createContainerInLocation(null, bucket);
	}

	/** Settings for {@code atrium.documents.s3.*} pointing at this server. */
	public DocumentStorageProperties.S3 properties(String bucket) {
		return new DocumentStorageProperties.S3(endpoint, REGION, bucket, ACCESS_KEY, SECRET_KEY, true);
	}

	@Override
	public void close() {
		try {
			proxy.stop();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot stop S3Proxy", ex);
		}
		finally {
			context.close();
		}
	}
}
