package io.atrium.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.web.csrf.DefaultCsrfToken;

/**
 * Session attribute values: the compact forms round-trip, everything else is Java-serialized, and values stored
 * Java-serialized before the compact forms existed are still read.
 */
class SessionValuesTest {

	/** String builders, except those that say "refused"; read back as strings. */
	private static final SessionValues.Codec<StringBuilder> WORDS = SessionValues.codec((byte) 9, StringBuilder.class,
			value -> !"refused".contentEquals((StringBuilder) value), (value, out) -> out.writeUTF(value.toString()),
			in -> new StringBuilder(in.readUTF()));

	private final SessionValues values = new SessionValues(
			List.of(SessionValues.timestamps(), SessionValues.csrfTokens(), WORDS), getClass().getClassLoader());

	@Test
	void timestampsAndCsrfTokensTakeTheirCompactForm() {
		var stamp = values.write(1_765_000_000_123L);
		assertThat(stamp).hasSize(10).startsWith(SessionValues.MARK, (byte) 1);
		assertThat(values.read(stamp)).isEqualTo(1_765_000_000_123L);

		var token = new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "abc-123");
		var read = (DefaultCsrfToken) values.read(values.write(token));
		assertThat(read.getHeaderName()).isEqualTo("X-CSRF-TOKEN");
		assertThat(read.getParameterName()).isEqualTo("_csrf");
		assertThat(read.getToken()).isEqualTo("abc-123");
	}

	@Test
	void otherValuesAndValuesACodecRefusesAreJavaSerialized() {
		var other = values.write(List.of("a", "b"));
		assertThat(other[0]).isEqualTo((byte) 0xAC);
		assertThat(values.read(other)).isEqualTo(List.of("a", "b"));

		var refused = values.write(new StringBuilder("refused"));
		assertThat(refused[0]).isEqualTo((byte) 0xAC);
		assertThat(values.read(refused)).hasToString("refused");
		assertThat(values.read(values.write(new StringBuilder("ok")))).isInstanceOf(StringBuilder.class).hasToString("ok");
	}

	@Test
	void valuesStoredBeforeTheCompactFormsAreStillRead() {
		var legacy = new SerializingConverter();
		assertThat(values.read(legacy.convert(42L))).isEqualTo(42L);
		var token = (DefaultCsrfToken) values.read(legacy.convert(new DefaultCsrfToken("h", "p", "t")));
		assertThat(token.getToken()).isEqualTo("t");
	}

	@Test
	void aValueOfAnUnknownKindIsAnError() {
		assertThatThrownBy(() -> values.read(new byte[] { SessionValues.MARK, 99, 0 }))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("unknown kind 99");
	}

	@Test
	void twoCodecsMayNotShareATag() {
		assertThatThrownBy(() -> new SessionValues(List.of(SessionValues.timestamps(), SessionValues.timestamps()),
				getClass().getClassLoader()))
			.isInstanceOf(IllegalStateException.class);
	}
}
