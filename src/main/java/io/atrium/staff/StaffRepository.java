package io.atrium.staff;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

interface StaffRepository extends CrudRepository<StaffUser, UUID> {

	Optional<StaffUser> findByEmail(String email);

	@Query("select * from staff_user where firm_id = :firmId and id = :id")
	Optional<StaffUser> findInFirm(UUID firmId, UUID id);

	@Query("select * from staff_user where firm_id = :firmId order by lower(full_name), email")
	List<StaffUser> findAllInFirm(UUID firmId);

	@Query("select count(*) from staff_user where firm_id = :firmId and firm_role = 'OWNER' and status = 'ACTIVE'")
	int countActiveOwners(UUID firmId);
}
