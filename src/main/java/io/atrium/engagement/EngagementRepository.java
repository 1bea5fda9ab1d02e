package io.atrium.engagement;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

interface EngagementRepository extends CrudRepository<Engagement, UUID> {

	@Query("select * from engagement where firm_id = :firmId and id = :id")
	Optional<Engagement> findInFirm(UUID firmId, UUID id);
}
