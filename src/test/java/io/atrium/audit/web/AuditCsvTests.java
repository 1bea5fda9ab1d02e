package io.atrium.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuditCsvTests {

	@Test
	void turnsWouldBeFormulasIntoText() {
		assertThat(AuditCsv.safe("=1+1")).isEqualTo("'=1+1");
		assertThat(AuditCsv.safe("+1")).isEqualTo("'+1");
		assertThat(AuditCsv.safe("-1")).isEqualTo("'-1");
		assertThat(AuditCsv.safe("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(AuditCsv.safe("\t=1")).isEqualTo("'\t=1");
		assertThat(AuditCsv.safe("\r=1")).isEqualTo("'\r=1");
	}

	@Test
	void leavesOrdinaryTextAlone() {
		assertThat(AuditCsv.safe("jane@example.com")).isEqualTo("jane@example.com");
		assertThat(AuditCsv.safe("a=b")).isEqualTo("a=b");
		assertThat(AuditCsv.safe("")).isEmpty();
		assertThat(AuditCsv.safe(null)).isEmpty();
	}
}
