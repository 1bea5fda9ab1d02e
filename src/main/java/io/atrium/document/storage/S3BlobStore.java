package io.atrium.document.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.List;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Blobs as objects in one bucket. A write is a multipart upload of bounded parts, completed at the end and aborted on
 * any failure (a small blob is a single PUT); reads are ranged GETs, reopened when the position jumps.
 */
final class S3BlobStore implements BlobStore {

	// S3 wants parts of at least 5 MiB (but the last); one buffer of this size per running upload
	static final int PART_SIZE = 8 * 1024 * 1024;

	private final S3Client client;
	private final String bucket;

	S3BlobStore(DocumentStorageProperties.S3 settings) {
		if (settings.bucket() == null || settings.bucket().isBlank()) {
			throw new IllegalStateException("atrium.documents.store=s3 needs atrium.documents.s3.bucket");
		}
		var builder = S3Client.builder()
				.region(Region.of(settings.region()))
				.forcePathStyle(settings.pathStyle())
				// the blobs carry their own authentication (AES-GCM); extra checksums only trip S3-compatible servers
				.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
				.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
		// an empty setting (atrium.documents.s3.endpoint=) means AWS itself
		if (settings.endpoint() != null && !settings.endpoint().toString().isBlank()) {
			builder.endpointOverride(settings.endpoint());
		}
		if (settings.accessKey() != null && !settings.accessKey().isBlank()) {
			builder.credentialsProvider(StaticCredentialsProvider
					.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey())));
		}
		else {
			builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
		}
		this.client = builder.build();
		this.bucket = settings.bucket();
	}

	@Override
	public void put(String key, Writer writer) throws IOException {
		var out = new PartUploadStream(key);
		boolean done = false;
		try {
			writer.writeTo(out);
			out.finish();
			done = true;
		}
		catch (SdkException ex) {
			throw new IOException("S3 upload of " + key + " failed: " + ex.getMessage(), ex);
		}
		finally {
			if (!done) {
				out.abort();
			}
		}
	}

	@Override
	public SeekableByteChannel open(String key) throws IOException {
		try {
			long size = client.headObject(request -> request.bucket(bucket).key(key)).contentLength();
			return new RangeChannel(key, size);
		}
		catch (NoSuchKeyException ex) {
			throw new java.nio.file.NoSuchFileException(key);
		}
		catch (SdkException ex) {
			throw new IOException("S3 read of " + key + " failed: " + ex.getMessage(), ex);
		}
	}

	@Override
	public void delete(String key) throws IOException {
		try {
			client.deleteObject(request -> request.bucket(bucket).key(key));
		}
		catch (SdkException ex) {
			throw new IOException("S3 delete of " + key + " failed: " + ex.getMessage(), ex);
		}
	}

	@Override
	public List<String> contents() throws IOException {
		try {
			var names = new ArrayList<String>();
			client.listObjectsV2Paginator(request -> request.bucket(bucket)).contents().stream().map(S3Object::key)
					.forEach(names::add);
			client.listMultipartUploads(request -> request.bucket(bucket)).uploads().stream()
					.map(MultipartUpload::key).map(key -> "pending upload: " + key).forEach(names::add);
			return names;
		}
		catch (SdkException ex) {
			throw new IOException("S3 listing failed: " + ex.getMessage(), ex);
		}
	}

	@Override
	public void close() {
		client.close();
	}

	/** Buffers one part at a time; starts the multipart upload only once a second part is needed. */
	private final class PartUploadStream extends OutputStream {

		private final String key;
		private final byte[] buffer = new byte[PART_SIZE];
		private final List<CompletedPart> parts = new ArrayList<>();
		private int length;
		private String uploadId;

		PartUploadStream(String key) {
			this.key = key;
		}

		@Override
		public void write(int b) throws IOException {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] bytes, int offset, int count) throws IOException {
			while (count > 0) {
				if (length == buffer.length) {
					uploadPart();
				}
				int n = Math.min(count, buffer.length - length);
				System.arraycopy(bytes, offset, buffer, length, n);
				length += n;
				offset += n;
				count -= n;
			}
		}

		private void uploadPart() {
			if (uploadId == null) {
				uploadId = client.createMultipartUpload(request -> request.bucket(bucket).key(key)).uploadId();
			}
			int number = parts.size() + 1;
			var response = client.uploadPart(
					request -> request.bucket(bucket).key(key).uploadId(uploadId).partNumber(number)
							.contentLength((long) length),
					body());
			parts.add(CompletedPart.builder().partNumber(number).eTag(response.eTag()).build());
			length = 0;
		}

		private RequestBody body() {
			// a stream over the buffer, not a copy of it; it can be reset for a retry
			InputStream in = new ByteArrayInputStream(buffer, 0, length);
			return RequestBody.fromInputStream(in, length);
		}

		void finish() {
			if (uploadId == null) {
				client.putObject(request -> request.bucket(bucket).key(key).contentLength((long) length), body());
				return;
			}
			if (length > 0) {
				uploadPart();
			}
			client.completeMultipartUpload(request -> request.bucket(bucket).key(key).uploadId(uploadId)
					.multipartUpload(upload -> upload.parts(parts)));
		}

		void abort() {
			if (uploadId != null) {
				try {
					client.abortMultipartUpload(request -> request.bucket(bucket).key(key).uploadId(uploadId));
				}
				catch (SdkException ex) {
					// a lifecycle rule on the bucket should clean what we could not; see docs/document-storage.md
					org.slf4j.LoggerFactory.getLogger(S3BlobStore.class)
							.warn("Could not abort the multipart upload of {}: {}", key, ex.getMessage());
				}
			}
		}
	}

	/** A read-only channel over one object: one open GET from the position on, reopened after a jump. */
	private final class RangeChannel implements SeekableByteChannel {

		private final String key;
		private final long size;
		private final byte[] chunk = new byte[64 * 1024];
		private long position;
		private ResponseInputStream<GetObjectResponse> stream;
		private long streamPosition = -1;
		private boolean open = true;

		RangeChannel(String key, long size) {
			this.key = key;
			this.size = size;
		}

		@Override
		public int read(ByteBuffer target) throws IOException {
			ensureOpen();
			if (position >= size) {
				return -1;
			}
			if (stream == null || streamPosition != position) {
				closeStream();
				try {
					long from = position;
					stream = client.getObject(request -> request.bucket(bucket).key(key).range("bytes=" + from + "-"));
				}
				catch (SdkException ex) {
					throw new IOException("S3 read of " + key + " failed: " + ex.getMessage(), ex);
				}
				streamPosition = position;
			}
			int wanted = (int) Math.min(target.remaining(), size - position);
			int n = stream.read(chunk, 0, Math.min(wanted, chunk.length));
			if (n < 0) {
				throw new IOException("S3 object " + key + " ended early at " + position + " of " + size);
			}
			target.put(chunk, 0, n);
			position += n;
			streamPosition += n;
			return n;
		}

		@Override
		public long position() throws IOException {
			ensureOpen();
			return position;
		}

		@Override
		public SeekableByteChannel position(long newPosition) throws IOException {
			ensureOpen();
			position = newPosition;
			return this;
		}

		@Override
		public long size() throws IOException {
			ensureOpen();
			return size;
		}

		@Override
		public int write(ByteBuffer source) {
			throw new NonWritableChannelException();
		}

		@Override
		public SeekableByteChannel truncate(long newSize) {
			throw new NonWritableChannelException();
		}

		@Override
		public boolean isOpen() {
			return open;
		}

		@Override
		public void close() {
			open = false;
			closeStream();
		}

		private void closeStream() {
			if (stream != null) {
				// abort: do not drain the rest of a large object just to reuse the connection
				stream.abort();
				stream = null;
			}
		}

		private void ensureOpen() throws IOException {
			if (!open) {
				throw new ClosedChannelException();
			}
		}
	}
}
