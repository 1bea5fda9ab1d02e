package io.atrium.engagement.web;

import java.time.LocalDate;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.atrium.engagement.Assignee;
import io.atrium.engagement.ClientAssignments;
import io.atrium.engagement.EngagementManagement;
import io.atrium.engagement.Pipeline;
import io.atrium.platform.InvalidRequestException;
import io.atrium.staff.StaffPrincipal;

/** JSON: a client's assignments (read and change one role) and the pipeline. Errors are ProblemDetails. */
@RestController
class EngagementApiController {

	record Person(String id, String name) {

		static Person of(Assignee assignee) {
			return assignee == null ? null : new Person(assignee.id().toString(), assignee.name());
		}
	}

	record RoleJson(String role, Person assignee) {
	}

	record AssignmentsJson(String clientId, boolean changeable, List<RoleJson> assignments) {

		static AssignmentsJson of(ClientAssignments assignments) {
			return new AssignmentsJson(assignments.client().toString(), assignments.changeable(),
					assignments.roles().stream().map(r -> new RoleJson(r.role().name(), Person.of(r.assignee()))).toList());
		}
	}

	/** The body of a PUT: a staff id, or null to unassign. */
	record AssignBody(String staffId) {
	}

	record CardJson(String id, String clientId, String clientName, String name, String type, LocalDate dueDate,
			Person assignee) {
	}

	record ColumnJson(String stageId, String stage, int total, List<CardJson> engagements) {
	}

	record PipelineJson(String role, List<ColumnJson> stages) {

		static PipelineJson of(Pipeline pipeline) {
			return new PipelineJson(pipeline.shownRole().name(), pipeline.columns()
				.stream()
				.map(c -> new ColumnJson(c.stage().id().toString(), c.stage().name(), c.total(), c.cards()
					.stream()
					.map(card -> new CardJson(card.id().toString(), card.client().toString(), card.clientName(),
							card.name(), card.type(), card.dueDate(), Person.of(card.assignee())))
					.toList()))
				.toList());
		}
	}

	private final EngagementManagement engagements;

	EngagementApiController(EngagementManagement engagements) {
		this.engagements = engagements;
	}

	@GetMapping("/api/v1/clients/{clientId}/assignments")
	AssignmentsJson assignments(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String clientId) {
		return AssignmentsJson.of(engagements.clientAssignments(me, Requests.client(clientId)));
	}

	@PutMapping("/api/v1/clients/{clientId}/assignments/{role}")
	AssignmentsJson assign(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String clientId,
			@PathVariable String role, @RequestBody(required = false) AssignBody body) {
		var client = Requests.client(clientId);
		var assignmentRole = Requests.role(role);
		var staff = Requests.staff(body == null ? null : body.staffId(), assignmentRole);
		return AssignmentsJson.of(engagements.assignClient(me, client, assignmentRole, staff));
	}

	@GetMapping("/api/v1/pipeline")
	PipelineJson pipeline(@AuthenticationPrincipal StaffPrincipal me, @RequestParam(required = false) String assignee,
			@RequestParam(required = false) String role, @RequestParam(required = false) String type) {
		var filter = new PipelineFilterForm(assignee, role, type);
		var problems = filter.errors();
		if (!problems.isEmpty()) {
			var first = problems.entrySet().iterator().next();
			throw new InvalidRequestException(first.getKey(), first.getValue());
		}
		return PipelineJson.of(engagements.pipeline(me, filter.toFilter(me)));
	}
}
