package io.atrium.engagement.web;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;

import io.atrium.engagement.EngagementDraft;
import io.atrium.engagement.EngagementView;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A new engagement, or an engagement's details; the stage is only read when opening one. */
record EngagementForm(@NotBlank @Size(max = 120) String name, @NotNull UUID typeId, @Size(max = 40) String period,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueDate, UUID stageId) {

	static EngagementForm empty() {
		return new EngagementForm("", null, "", null, null);
	}

	static EngagementForm of(EngagementView engagement) {
		return new EngagementForm(engagement.name(), engagement.typeId(), engagement.period(), engagement.dueDate(),
				engagement.stageId());
	}

	EngagementDraft draft() {
		return new EngagementDraft(name, typeId, period, dueDate, stageId);
	}
}
