package io.atrium.document.storage;

import java.io.BufferedInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import com.google.crypto.tink.StreamingAead;

import io.atrium.document.Upload;
import io.atrium.document.UploadRejectedException;
import io.atrium.document.UploadRejectedException.Reason;

/**
 * The document module's way to its bytes: checks, encrypts and stores uploads as they stream in, and opens them
 * again. Never holds a whole file in memory.
 * <p>
 * Built by Spring from {@link DocumentStorageProperties} ({@code atrium.documents.*}); outside Spring (tests,
 * tools) with {@link #DocumentVault(DocumentStorageProperties)} and {@link #close()} at the end. Bytes are encrypted
 * with AES-256-GCM (Tink streaming AEAD) under the active key, the blob key bound in as associated data; see
 * docs/document-storage.md.
 */
@Component
public class DocumentVault implements AutoCloseable {

	private static final Pattern KEY = Pattern.compile("[0-9a-f]{2}/[0-9a-f]{2}/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
	private static final Pattern RESERVED = Pattern.compile("[<>:\"|?*\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]");
	private static final int MAX_NAME = 200;
	// what a download hands the response at once
	private static final int TRANSFER_CHUNK = 256 * 1024;

	private final BlobStore store;
	private final DocumentKeys keys;
	private final long maxSize;
	private final ContentTypes contentTypes = new ContentTypes();

	@Autowired
	DocumentVault(DocumentStorageProperties properties, ObjectProvider<DocumentKeyGuard> productionGuard) {
		// under the prod profile the guard checks the keys before any development key could be generated
		this(checked(properties, productionGuard));
	}

	/** A vault on the store and keys {@code properties} describe. */
	public DocumentVault(DocumentStorageProperties properties) {
		this(storeFor(properties), DocumentKeys.from(properties.encryption(), () -> developmentKeyFile(properties)),
				properties.maxUploadSize());
	}

	DocumentVault(BlobStore store, DocumentKeys keys, DataSize maxUploadSize) {
		this.store = store;
		this.keys = keys;
		this.maxSize = maxUploadSize.toBytes();
	}

	/**
	 * Streams the upload into the store: refuses a declared or counted length over the limit (TOO_LARGE, argument:
	 * the limit in MB), an empty one (EMPTY), a type decided by content that is not allowed (NOT_ALLOWED, argument:
	 * the name), a stream that breaks off or ends before its declared length (INCOMPLETE); sanitizes the name (BAD_NAME);
	 * computes SHA-256; encrypts; returns only once the bytes are stored whole, and leaves nothing behind otherwise.
	 *
	 * @throws UncheckedIOException when the store itself fails (disk full, S3 down): nothing is left behind either
	 */
	public StoredBlob store(Upload upload) {
		String name = sanitizeName(upload.name());
		if (upload.declaredLength() > maxSize) {
			throw tooLarge();
		}
		var source = new GuardedInputStream(upload.content(), maxSize);
		try (var in = new BufferedInputStream(source, ContentTypes.PREFIX)) {
			in.mark(ContentTypes.PREFIX);
			byte[] prefix = in.readNBytes(ContentTypes.PREFIX);
			in.reset();
			if (prefix.length == 0) {
				throw new UploadRejectedException(Reason.EMPTY);
			}
			String type = contentTypes.allowedType(prefix, name);
			if (type == null) {
				throw new UploadRejectedException(Reason.NOT_ALLOWED, name);
			}
			String key = newKey();
			var digest = sha256();
			StreamingAead aead = keys.active();
			store.put(key, out -> {
				try (var encrypting = aead.newEncryptingStream(new KeepOpen(out), associatedData(key))) {
					var buffer = new byte[64 * 1024];
					int n;
					while ((n = in.read(buffer)) != -1) {
						digest.update(buffer, 0, n);
						encrypting.write(buffer, 0, n);
					}
					if (upload.declaredLength() >= 0 && source.count() < upload.declaredLength()) {
						// ended cleanly but short: still not the whole file
						throw new UploadRejectedException(Reason.INCOMPLETE);
					}
				}
				catch (GeneralSecurityException ex) {
					throw new IOException(ex);
				}
			});
			return new StoredBlob(key, keys.activeId(), name, type, source.count(),
					HexFormat.of().formatHex(digest.digest()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not store document " + name + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * The plain bytes of a stored blob, as a resource of the plain length whose stream skips cheaply (for range
	 * requests). A wrong key or changed bytes fail the read with an IOException, never with other bytes.
	 */
	public Resource open(StoredBlob blob) {
		checkKey(blob.key());
		return new BlobResource(blob, keys.forId(blob.keyId()));
	}

	/** Removes the bytes for good (purging the trash); a missing key is not an error. */
	public void delete(String key) {
		checkKey(key);
		try {
			store.delete(key);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not delete document bytes " + key, ex);
		}
	}

	/** A name safe to keep and to send back in Content-Disposition; throws BAD_NAME when nothing usable is left. */
	public static String sanitizeName(String name) {
		if (name == null) {
			throw new UploadRejectedException(Reason.BAD_NAME);
		}
		String s = Normalizer.normalize(name, Normalizer.Form.NFC);
		s = s.substring(Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\')) + 1);
		s = RESERVED.matcher(s).replaceAll("");
		s = s.replaceAll("\\s+", " ").strip();
		// no hidden files, and no trailing dots or spaces (Windows drops them)
		s = s.replaceFirst("^[. ]+", "").replaceFirst("[. ]+$", "");
		if (s.isBlank()) {
			throw new UploadRejectedException(Reason.BAD_NAME);
		}
		if (s.codePointCount(0, s.length()) > MAX_NAME) {
			int dot = s.lastIndexOf('.');
			String extension = dot > 0 && s.length() - dot <= 16 ? s.substring(dot) : "";
			String base = s.substring(0, s.length() - extension.length());
			int keep = MAX_NAME - extension.codePointCount(0, extension.length());
			s = base.substring(0, base.offsetByCodePoints(0, keep)).strip() + extension;
		}
		return s;
	}

	/** Frees the store's connections. */
	@Override
	public void close() {
		store.close();
	}

	BlobStore blobStore() {
		return store;
	}

	private UploadRejectedException tooLarge() {
		return new UploadRejectedException(Reason.TOO_LARGE, DataSize.ofBytes(maxSize).toMegabytes());
	}

	private static DocumentStorageProperties checked(DocumentStorageProperties properties,
			ObjectProvider<DocumentKeyGuard> guard) {
		guard.ifAvailable(DocumentKeyGuard::check);
		return properties;
	}

	private static BlobStore storeFor(DocumentStorageProperties properties) {
		return switch (properties.store()) {
			case LOCAL -> new LocalBlobStore(properties.local().path());
			case S3 -> new S3BlobStore(properties.s3());
		};
	}

	/** Next to the documents folder, not in it: a copy of the folder alone is useless without the key. */
	static Path developmentKeyFile(DocumentStorageProperties properties) {
		Path folder = properties.local().path().toAbsolutePath().normalize();
		Path parent = folder.getParent() == null ? folder : folder.getParent();
		return parent.resolve("document-key");
	}

	// spread over 65536 folders so that no directory grows huge
	private static String newKey() {
		String id = UUID.randomUUID().toString();
		return id.substring(0, 2) + "/" + id.substring(2, 4) + "/" + id;
	}

	private static void checkKey(String key) {
		if (key == null || !KEY.matcher(key).matches()) {
			throw new IllegalArgumentException("not a document key: " + key);
		}
	}

	// binds the ciphertext to its key: a blob copied over another one does not decrypt
	private static byte[] associatedData(String key) {
		return key.getBytes(StandardCharsets.UTF_8);
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Counts what comes in, stops at the limit, and tells a broken client stream from a failing store. */
	private final class GuardedInputStream extends InputStream {

		private final InputStream in;
		private final long limit;
		private long count;

		GuardedInputStream(InputStream in, long limit) {
			this.in = in;
			this.limit = limit;
		}

		long count() {
			return count;
		}

		@Override
		public int read() throws IOException {
			var one = new byte[1];
			return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			int n;
			try {
				n = in.read(buffer, offset, length);
			}
			catch (IOException ex) {
				var rejected = new UploadRejectedException(Reason.INCOMPLETE);
				rejected.initCause(ex);
				throw rejected;
			}
			if (n > 0) {
				count += n;
				if (count > limit) {
					throw tooLarge();
				}
			}
			return n;
		}

		@Override
		public void close() throws IOException {
			in.close();
		}
	}

	/** The encrypting stream closes what it wraps; the store decides when its stream is done. */
	private static final class KeepOpen extends FilterOutputStream {

		KeepOpen(OutputStream out) {
			super(out);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			out.write(bytes, offset, length);
		}

		@Override
		public void close() throws IOException {
			flush();
		}
	}

	/** Decrypts on the fly; {@code skip} repositions instead of reading through. */
	private final class BlobResource extends AbstractResource {

		private final StoredBlob blob;
		private final StreamingAead aead;

		BlobResource(StoredBlob blob, StreamingAead aead) {
			this.blob = blob;
			this.aead = aead;
		}

		@Override
		public InputStream getInputStream() throws IOException {
			SeekableByteChannel ciphertext = store.open(blob.key());
			try {
				return new SeekableInputStream(aead.newSeekableDecryptingChannel(ciphertext, associatedData(blob.key())),
						blob.size());
			}
			catch (GeneralSecurityException | IOException | RuntimeException ex) {
				ciphertext.close();
				throw ex instanceof IOException io ? io : new IOException("Cannot decrypt " + blob.key(), ex);
			}
		}

		@Override
		public long contentLength() {
			return blob.size();
		}

		@Override
		public boolean exists() {
			return true;
		}

		@Override
		public String getFilename() {
			return blob.name();
		}

		@Override
		public String getDescription() {
			return "document " + blob.key() + " (" + blob.name() + ")";
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof BlobResource that && that.blob.equals(blob);
		}

		@Override
		public int hashCode() {
			return blob.hashCode();
		}
	}

	private static final class SeekableInputStream extends InputStream {

		private final SeekableByteChannel channel;
		private final long size;

		SeekableInputStream(SeekableByteChannel channel, long size) {
			this.channel = channel;
			this.size = size;
		}

		@Override
		public int read() throws IOException {
			var one = new byte[1];
			return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			if (length == 0) {
				return 0;
			}
			// Tink's channel answers 0, not -1, at the end
			if (channel.position() >= size) {
				return -1;
			}
			var target = ByteBuffer.wrap(buffer, offset, length);
			int n;
			do {
				n = channel.read(target);
			}
			while (n == 0 && channel.position() < size);
			return n == 0 ? -1 : n;
		}

		/** Hands the response larger pieces than {@code InputStream}'s 16 KiB: fewer, fuller socket writes. */
		@Override
		public long transferTo(OutputStream out) throws IOException {
			var buffer = new byte[TRANSFER_CHUNK];
			long total = 0;
			int n;
			while ((n = read(buffer, 0, buffer.length)) != -1) {
				out.write(buffer, 0, n);
				total += n;
			}
			return total;
		}

		@Override
		public long skip(long n) throws IOException {
			if (n <= 0) {
				return 0;
			}
			long position = channel.position();
			long target = Math.min(size, position + n);
			channel.position(target);
			return target - position;
		}

		@Override
		public int available() throws IOException {
			return (int) Math.min(Integer.MAX_VALUE, Math.max(0, size - channel.position()));
		}

		@Override
		public void close() throws IOException {
			channel.close();
		}
	}
}
