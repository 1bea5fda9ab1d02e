package io.atrium.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.atrium.audit.AuditActions;

class AuditFilterFormTests {

	@Test
	void acceptsEmptyFilters() {
		var form = new AuditFilterForm(" ", "", null, "", null);

		assertThat(form.errors(AuditActions.ALL)).isEmpty();
		assertThat(form.isFiltered()).isFalse();
		assertThat(form.toQuery().actor()).isNull();
		assertThat(form.link("/app/audit", 0)).isEqualTo("/app/audit");
	}

	@Test
	void readsDatesAsTypedByADateInput() {
		var form = new AuditFilterForm(null, AuditActions.STAFF_SIGNED_IN, "2026-11-01", "2026-11-23", null);

		assertThat(form.errors(AuditActions.ALL)).isEmpty();
		assertThat(form.toQuery().from()).isEqualTo(LocalDate.of(2026, 11, 1));
		assertThat(form.toQuery().to()).isEqualTo(LocalDate.of(2026, 11, 23));
	}

	@Test
	void allowsOneDay() {
		assertThat(new AuditFilterForm(null, null, "2026-11-23", "2026-11-23", null).errors(AuditActions.ALL)).isEmpty();
	}

	@Test
	void rejectsUnreadableDatesUnknownActionsAndBackwardRanges() {
		assertThat(new AuditFilterForm(null, null, "2026-13-01", null, null).errors(AuditActions.ALL))
			.containsEntry("from", "audit.filter.from.invalid");
		assertThat(new AuditFilterForm(null, null, null, "tomorrow", null).errors(AuditActions.ALL))
			.containsEntry("to", "audit.filter.to.invalid");
		assertThat(new AuditFilterForm(null, null, "0001-01-01", null, null).errors(AuditActions.ALL)).containsKey("from");
		assertThat(new AuditFilterForm(null, null, "+100000-01-01", null, null).errors(AuditActions.ALL)).containsKey("from");
		assertThat(new AuditFilterForm(null, "staff.exploded", null, null, null).errors(AuditActions.ALL))
			.containsEntry("action", "audit.filter.action.unknown");
		assertThat(new AuditFilterForm(null, null, "2026-11-23", "2026-11-22", null).errors(AuditActions.ALL))
			.containsEntry("to", "audit.filter.range.invalid");
		assertThat(new AuditFilterForm("x".repeat(255), null, null, null, null).errors(AuditActions.ALL)).containsKey("actor");
	}

	@Test
	void readsThePageLeniently() {
		assertThat(new AuditFilterForm(null, null, null, null, "3").pageNumber()).isEqualTo(2);
		assertThat(new AuditFilterForm(null, null, null, null, "0").pageNumber()).isZero();
		assertThat(new AuditFilterForm(null, null, null, null, "-4").pageNumber()).isZero();
		assertThat(new AuditFilterForm(null, null, null, null, "lots").pageNumber()).isZero();
		assertThat(new AuditFilterForm(null, null, null, null, "99999999999").pageNumber()).isZero();
	}

	@Test
	void keepsTheFiltersInLinks() {
		var form = new AuditFilterForm("a+b@example.com", AuditActions.STAFF_SIGNED_IN, "2026-11-01", null, "4");

		assertThat(form.link("/app/audit", 4))
			.isEqualTo("/app/audit?actor=a%2Bb%40example.com&action=staff.signed-in&from=2026-11-01&page=5");
		assertThat(form.link("/app/audit/export.csv", 0))
			.isEqualTo("/app/audit/export.csv?actor=a%2Bb%40example.com&action=staff.signed-in&from=2026-11-01");
	}
}
