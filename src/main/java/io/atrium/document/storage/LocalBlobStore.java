package io.atrium.document.storage;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.sun.nio.file.ExtendedOpenOption;

/**
 * Blobs as files under one folder ({@code ab/cd/<uuid>}). Writes go to {@code .incoming/} on the same file system,
 * are synced, and are then moved into place atomically.
 * <p>
 * Where the file system allows it (checked once, at start), blobs are written with direct I/O: from an aligned
 * buffer straight to the disk, past the page cache. An upload is written once and read rarely, so caching it only
 * costs: each page of a new file must be found, filled and later written back, which on a virtual machine cost
 * ten times the CPU of the direct write and capped uploads below a third of the disk's speed (docs/performance.md).
 * Where direct I/O is refused (tmpfs, some network file systems) writes go through the page cache as before, and so
 * do uploads beyond the first 32 running at once (each direct writer holds a 1 MiB buffer outside the heap).
 */
final class LocalBlobStore implements BlobStore {

	private static final Logger log = LoggerFactory.getLogger(LocalBlobStore.class);

	// Leftovers of a crash mid-upload; anything older than this cannot be an upload still running.
	private static final Duration STALE = Duration.ofHours(6);

	// What a direct write sends at once; whole blocks, so it suits any block size up to 1 MiB.
	private static final int DIRECT_CHUNK = 1 << 20;

	// Aligned buffers kept for the next uploads (allocating and aligning one costs more than the copy into it).
	private static final int POOLED_BUFFERS = 8;

	// Uploads written directly at once, each holding a buffer outside the heap; those beyond go through the page
	// cache, so that many slow uploads cannot exhaust direct memory.
	private static final int DIRECT_WRITERS = 32;

	private final Path root;
	private final Path incoming;
	private final int blockSize;
	private final BlockingQueue<ByteBuffer> buffers = new ArrayBlockingQueue<>(POOLED_BUFFERS);
	private final Semaphore directWriters;

	LocalBlobStore(Path root) {
		this(root, true, DIRECT_WRITERS);
	}

	/**
	 * {@code direct}: whether to try direct I/O at all (tests compare both ways); {@code directWriters}: how many
	 * uploads at once may write directly.
	 */
	LocalBlobStore(Path root, boolean direct, int directWriters) {
		this.directWriters = new Semaphore(directWriters);
		this.root = root.toAbsolutePath().normalize();
		this.incoming = this.root.resolve(".incoming");
		try {
			Files.createDirectories(incoming);
			removeStale();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot use the document folder " + this.root + ": " + ex.getMessage(), ex);
		}
		this.blockSize = direct ? directBlockSize() : 0;
	}

	/** Whether blobs are written with direct I/O here. */
	boolean writesDirect() {
		return blockSize > 0;
	}

	@Override
	public void put(String key, Writer writer) throws IOException {
		Path target = resolve(key);
		Path temp = incoming.resolve(UUID.randomUUID() + ".tmp");
		boolean done = false;
		boolean direct = writesDirect() && directWriters.tryAcquire();
		try {
			try (FileChannel channel = FileChannel.open(temp, options(direct))) {
				if (direct) {
					writeDirect(channel, writer);
				}
				else {
					OutputStream out = Channels.newOutputStream(channel);
					writer.writeTo(out);
					out.flush();
				}
				// on disk before it becomes visible: "stored" must survive a power cut (direct I/O too: the size,
				// and the disk's own write cache)
				channel.force(true);
			}
			Files.createDirectories(target.getParent());
			Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
			done = true;
		}
		finally {
			if (direct) {
				directWriters.release();
			}
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

	private void writeDirect(FileChannel channel, Writer writer) throws IOException {
		var buffer = buffers.poll();
		if (buffer == null) {
			buffer = ByteBuffer.allocateDirect(DIRECT_CHUNK + blockSize).alignedSlice(blockSize);
		}
		try {
			var out = new DirectOutputStream(channel, buffer, blockSize);
			writer.writeTo(out);
			out.finish();
		}
		finally {
			buffer.clear();
			buffers.offer(buffer);
		}
	}

	private static OpenOption[] options(boolean direct) {
		return direct
				? new OpenOption[] { StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, ExtendedOpenOption.DIRECT }
				: new OpenOption[] { StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE };
	}

	/** The block size direct writes align to, or 0 when this file system (or JDK) refuses direct I/O. */
	private int directBlockSize() {
		Path probe = incoming.resolve(UUID.randomUUID() + ".probe");
		try {
			int size = Math.toIntExact(Files.getFileStore(incoming).getBlockSize());
			if (size <= 0 || size > DIRECT_CHUNK || Integer.bitCount(size) != 1) {
				return 0;
			}
			try (FileChannel channel = FileChannel.open(probe, options(true))) {
				var block = ByteBuffer.allocateDirect(2 * size).alignedSlice(size);
				block.limit(size);
				channel.write(block);
			}
			log.info("Documents are written to {} with direct I/O ({} byte blocks)", root, size);
			return size;
		}
		catch (IOException | RuntimeException | LinkageError ex) {
			log.info("Documents are written to {} through the page cache (no direct I/O here: {})", root,
					ex.getMessage());
			return 0;
		}
		finally {
			try {
				Files.deleteIfExists(probe);
			}
			catch (IOException ex) {
				log.warn("Could not remove {}", probe, ex);
			}
		}
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

	/**
	 * Collects what is written into an aligned buffer and writes it in whole chunks; {@link #finish()} writes the
	 * rest padded to a whole block and cuts the file back to the bytes actually written.
	 */
	private static final class DirectOutputStream extends OutputStream {

		private final FileChannel channel;
		private final ByteBuffer buffer;
		private final int blockSize;
		private long written;

		DirectOutputStream(FileChannel channel, ByteBuffer buffer, int blockSize) {
			this.channel = channel;
			this.buffer = buffer;
			this.blockSize = blockSize;
		}

		@Override
		public void write(int b) throws IOException {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			while (length > 0) {
				int n = Math.min(length, buffer.remaining());
				buffer.put(bytes, offset, n);
				offset += n;
				length -= n;
				if (!buffer.hasRemaining()) {
					drain();
				}
			}
		}

		void finish() throws IOException {
			int rest = buffer.position();
			if (rest == 0) {
				return;
			}
			int padded = (rest + blockSize - 1) / blockSize * blockSize;
			while (buffer.position() < padded) {
				buffer.put((byte) 0);
			}
			drain();
			channel.truncate(written - (padded - rest));
		}

		private void drain() throws IOException {
			buffer.flip();
			while (buffer.hasRemaining()) {
				written += channel.write(buffer);
			}
			buffer.clear();
		}
	}
}
