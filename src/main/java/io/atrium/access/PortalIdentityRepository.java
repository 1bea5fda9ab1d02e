package io.atrium.access;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

interface PortalIdentityRepository extends CrudRepository<PortalIdentity, UUID> {

	@Query("select * from portal_identity where firm_id = :firmId and email = :email")
	Optional<PortalIdentity> findByEmail(UUID firmId, String email);

	@Query("select * from portal_identity where firm_id = :firmId and id = :id")
	Optional<PortalIdentity> findInFirm(UUID firmId, UUID id);

	@Query("select * from portal_identity where firm_id = :firmId and id in (:ids)")
	List<PortalIdentity> findAllInFirm(UUID firmId, Collection<UUID> ids);
}
