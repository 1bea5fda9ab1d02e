package io.atrium.access;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

interface PortalAccessRepository extends CrudRepository<PortalAccess, UUID> {

	@Query("select * from portal_access where firm_id = :firmId and contact_id = :contactId")
	Optional<PortalAccess> findInFirm(UUID firmId, UUID contactId);

	@Query("select * from portal_access where firm_id = :firmId and client_id = :clientId")
	List<PortalAccess> findByClient(UUID firmId, UUID clientId);

	@Query("select * from portal_access where identity_id = :identityId order by lower(client_name), lower(contact_name), contact_id")
	List<PortalAccess> findByIdentity(UUID identityId);

	@Query("""
			select count(*) from portal_access
			where firm_id = :firmId and client_id = :clientId and portal_role = 'OWNER' and status = 'ENABLED'""")
	int countEnabledOwners(UUID firmId, UUID clientId);
}
