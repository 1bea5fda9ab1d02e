package io.atrium.staff;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

interface TeamRepository extends CrudRepository<Team, UUID> {

	@Query("select * from team where firm_id = :firmId order by built_in nulls last, lower(name)")
	List<Team> findAllInFirm(UUID firmId);

	@Query("select * from team where firm_id = :firmId and id = :id")
	Optional<Team> findInFirm(UUID firmId, UUID id);

	@Query("select t.* from team t join team_member m on m.team_id = t.id where m.staff_id = :staffId")
	List<Team> findByMember(UUID staffId);

	boolean existsByFirmIdAndName(UUID firmId, String name);
}
