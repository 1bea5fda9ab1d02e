package io.atrium.staff.web;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.atrium.staff.StaffManagement;
import io.atrium.staff.StaffPrincipal;
import io.atrium.staff.StaffView;

/** JSON: who am I, and (Owners and Admins) the firm's staff. */
@RestController
class StaffApiController {

	record Me(String id, String firm, String email, String name, String role, java.util.List<String> permissions) {
	}

	private final StaffManagement staff;

	StaffApiController(StaffManagement staff) {
		this.staff = staff;
	}

	@GetMapping("/api/v1/me")
	Me me(@AuthenticationPrincipal StaffPrincipal me) {
		return new Me(me.id().toString(), me.firm().toString(), me.email(), me.name(), me.role().name(),
				me.permissions().stream().map(Enum::name).sorted().toList());
	}

	@GetMapping("/api/v1/staff")
	List<StaffView> staff(@AuthenticationPrincipal StaffPrincipal me) {
		return staff.list(me);
	}
}
