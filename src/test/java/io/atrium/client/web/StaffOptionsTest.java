package io.atrium.client.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.atrium.staff.FirmRole;
import io.atrium.staff.StaffId;
import io.atrium.staff.StaffStatus;
import io.atrium.staff.StaffView;

/** The client list's staff pickers, written as one string: the chosen one marked, names escaped. */
class StaffOptionsTest {

	@Test
	void marksTheChosenOneAndEscapesNames() {
		var jane = person("Jane <b>Doe</b> & \"Co\"");
		var sam = person("Sam");

		var html = StaffOptions.of(List.of(jane, sam), sam.id());

		assertThat(html).isEqualTo("<option value=\"" + jane.id() + "\">Jane &lt;b&gt;Doe&lt;/b&gt; &amp; &quot;Co&quot;</option>"
				+ "<option value=\"" + sam.id() + "\" selected>Sam</option>");
		assertThat(StaffOptions.of(List.of(), null)).isEmpty();
	}

	private static StaffView person(String name) {
		return new StaffView(new StaffId(UUID.randomUUID()), name, "x@example.com", FirmRole.MEMBER, StaffStatus.ACTIVE,
				null, Instant.now());
	}
}
