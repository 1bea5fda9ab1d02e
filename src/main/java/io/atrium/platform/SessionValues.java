package io.atrium.platform;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.web.csrf.DefaultCsrfToken;

/**
 * How the session store keeps attribute values. Spring Session keeps each one Java-serialized, and a signed-in
 * request reads several back: for a portal page its security context, "last seen", "signed in at" and the CSRF token,
 * four object streams, each resolving its classes anew, a fifteenth of the page's time (docs/performance.md, sixth
 * run). The values read on every request have a compact form of their own ({@link Codec}: the timestamps and the CSRF
 * token here, the portal's security context in the portal module); every other value is Java-serialized as before.
 * <p>
 * A compact value starts with {@link #MARK} and its codec's tag; a Java-serialized one starts with {@code 0xACED}, so
 * values stored before either form existed are still read.
 */
public final class SessionValues {

	/** The first byte of a compact value (Java serialization always starts with 0xAC). */
	static final byte MARK = 0x01;

	private final Map<Class<?>, Codec<?>> byType = new HashMap<>();
	private final Map<Byte, Codec<?>> byTag = new HashMap<>();
	private final SerializingConverter serializing = new SerializingConverter();
	private final DeserializingConverter deserializing;

	SessionValues(List<Codec<?>> codecs, ClassLoader classLoader) {
		for (var codec : codecs) {
			if (byTag.put(codec.tag(), codec) != null || byType.put(codec.type(), codec) != null) {
				throw new IllegalStateException("two session value codecs for tag " + codec.tag() + " or "
						+ codec.type().getName());
			}
		}
		this.deserializing = new DeserializingConverter(classLoader);
	}

	/** The conversion service Spring Session stores attributes with. */
	GenericConversionService conversionService() {
		var service = new GenericConversionService();
		service.addConverter(Object.class, byte[].class, this::write);
		service.addConverter(byte[].class, Object.class, this::read);
		return service;
	}

	byte[] write(Object value) {
		var codec = byType.get(value.getClass());
		if (codec == null || !codec.accepts(value)) {
			return serializing.convert(value);
		}
		var bytes = new ByteArrayOutputStream(64);
		try (var out = new DataOutputStream(bytes)) {
			out.writeByte(MARK);
			out.writeByte(codec.tag());
			writeWith(codec, value, out);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return bytes.toByteArray();
	}

	Object read(byte[] bytes) {
		if (bytes.length < 2 || bytes[0] != MARK) {
			return deserializing.convert(bytes);
		}
		var codec = byTag.get(bytes[1]);
		if (codec == null) {
			throw new IllegalStateException("a session value of unknown kind " + bytes[1]);
		}
		try (var in = new DataInputStream(new ByteArrayInputStream(bytes, 2, bytes.length - 2))) {
			return codec.read(in);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@SuppressWarnings("unchecked")
	private static <T> void writeWith(Codec<T> codec, Object value, DataOutputStream out) throws IOException {
		codec.write((T) value, out);
	}

	/**
	 * The compact form of one kind of session value: values of exactly {@link #type()} that it {@link #accepts}
	 * (others of the type are Java-serialized). Tags are unique; one, once used, keeps its meaning, since sessions
	 * outlive a deployment.
	 */
	public interface Codec<T> {

		byte tag();

		Class<T> type();

		default boolean accepts(Object value) {
			return true;
		}

		void write(T value, DataOutputStream out) throws IOException;

		T read(DataInputStream in) throws IOException;
	}

	/** Epoch milliseconds, as the portal keeps "last seen" and "signed in at". */
	static Codec<Long> timestamps() {
		return codec((byte) 1, Long.class, (value, out) -> out.writeLong(value), DataInputStream::readLong);
	}

	/** Spring Security's CSRF token, which every page with a form reads. */
	static Codec<DefaultCsrfToken> csrfTokens() {
		return codec((byte) 2, DefaultCsrfToken.class, (value, out) -> {
			out.writeUTF(value.getHeaderName());
			out.writeUTF(value.getParameterName());
			out.writeUTF(value.getToken());
		}, in -> new DefaultCsrfToken(in.readUTF(), in.readUTF(), in.readUTF()));
	}

	/** A codec that takes every value of its type. */
	static <T> Codec<T> codec(byte tag, Class<T> type, Writer<T> writer, Reader<T> reader) {
		return codec(tag, type, value -> true, writer, reader);
	}

	/** A codec for the values of its type that {@code accepts} lets through. */
	static <T> Codec<T> codec(byte tag, Class<T> type, Predicate<Object> accepts, Writer<T> writer,
			Reader<T> reader) {
		return new Codec<>() {
			@Override
			public byte tag() {
				return tag;
			}

			@Override
			public Class<T> type() {
				return type;
			}

			@Override
			public boolean accepts(Object value) {
				return accepts.test(value);
			}

			@Override
			public void write(T value, DataOutputStream out) throws IOException {
				writer.write(value, out);
			}

			@Override
			public T read(DataInputStream in) throws IOException {
				return reader.read(in);
			}
		};
	}

	@FunctionalInterface
	interface Writer<T> {

		void write(T value, DataOutputStream out) throws IOException;
	}

	@FunctionalInterface
	interface Reader<T> {

		T read(DataInputStream in) throws IOException;
	}

	/** Writes a UUID as its two halves. */
	public static void writeUuid(UUID value, DataOutputStream out) throws IOException {
		out.writeLong(value.getMostSignificantBits());
		out.writeLong(value.getLeastSignificantBits());
	}

	public static UUID readUuid(DataInputStream in) throws IOException {
		return new UUID(in.readLong(), in.readLong());
	}
}
