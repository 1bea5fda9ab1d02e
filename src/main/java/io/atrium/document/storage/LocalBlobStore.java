package io.atrium.document.storage;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Blobs as files under one folder ({@code ab/cd/<uuid>}). Writes go to {@code .incoming/} on the same file system,
 * are synced, and are then moved into place atomically.
 */
final class LocalBlobStore implements BlobStore {

	private static final Logger log = LoggerFactory.getLogger(LocalBlobStore.class);

	// Leftovers of a crash mid-upload; anything older than this cannot be an upload still running.
	private static final Duration STALE = Duration.ofHours(6);

	private final Path root;
	private final Path incoming;

	LocalBlobStore(Path root) {
		this.root = root.toAbsolutePath().normalize();
		this.incoming = this.root.resolve(".incoming");
		try {
			Files.createDirectories(incoming);
			removeStale();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot use the document folder " + this.root + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public void put(String key, Writer writer) throws IOException {
		Path target = resolve(key);
		Path temp = incoming.resolve(UUID.randomUUID() + ".tmp");
		boolean done = false;
		try {
			try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
				OutputStream out = Channels.newOutputStream(channel);
				writer.writeTo(out);
				out.flush();
				// on disk before it becomes visible: "stored" must survive a power cut
				channel.force(true);
			}
			Files.createDirectories(target.getParent());
			Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
			done = true;
		}
		finally {
			if (!done) {
				Files.deleteIfExists(temp);
			}
		}
	}

	@Override
	public SeekableByteChannel open(String key) throws IOException {
		return Files.newByteChannel(resolve(key), StandardOpenOption.READ);
	}

	@Override
	public void delete(String key) throws IOException {
		Files.deleteIfExists(resolve(key));
	}

	@Override
	public List<String> contents() throws IOException {
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter(Files::isRegularFile).map(path -> root.relativize(path).toString().replace('\\', '/'))
					.sorted().toList();
		}
	}

	@Override
	public void close() {
	}

	private Path resolve(String key) {
		Path path = root.resolve(key).normalize();
		if (!path.startsWith(root) || path.startsWith(incoming)) {
			throw new IllegalArgumentException("not a blob key: " + key);
		}
		return path;
	}

	private void removeStale() throws IOException {
		var limit = FileTime.from(Instant.now().minus(STALE));
		try (Stream<Path> files = Files.list(incoming)) {
			for (Path file : files.toList()) {
				if (Files.getLastModifiedTime(file).compareTo(limit) < 0 && Files.deleteIfExists(file)) {
					log.info("Removed {} left over from an interrupted upload", file);
				}
			}
		}
	}
}
