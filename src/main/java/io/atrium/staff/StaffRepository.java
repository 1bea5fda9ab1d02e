package io.atrium.staff;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

interface StaffRepository extends CrudRepository<StaffUser, UUID> {

	Optional<StaffUser> findByEmail(String email);

	@Query("select * from staff_user where firm_id = :firmId and id = :id")
	Optional<StaffUser> findInFirm(UUID firmId, UUID id);

	@Query("select count(*) from staff_user where firm_id = :firmId and firm_role = 'OWNER' and status = 'ACTIVE'")
	int countActiveOwners(UUID firmId);
}
