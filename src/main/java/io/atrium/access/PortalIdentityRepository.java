package io.atrium.access;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

interface PortalIdentityRepository extends CrudRepository<PortalIdentity, UUID> {

	@Query("select * from portal_identity where firm_id = :firmId and email = :email")
	Optional<PortalIdentity> findByEmail(UUID firmId, String email);

	@Query("select * from portal_identity where firm_id = :firmId and id = :id")
	Optional<PortalIdentity> findInFirm(UUID firmId, UUID id);

	/** Counts a wrong password in place, so that attempts racing on one identity are all counted. */
	@Modifying
	@Query("update portal_identity set failed_sign_ins = failed_sign_ins + 1 where id = :id")
	int countFailedSignIn(UUID id);

	/** Locks the identity once it reached {@code maxFailures} wrong passwords in a row; whether it did. */
	@Modifying
	@Query("""
			update portal_identity set failed_sign_ins = 0, locked_until = :until
			where id = :id and failed_sign_ins >= :maxFailures""")
	int lockIfFailedTooOften(UUID id, int maxFailures, java.sql.Timestamp until);

	@Query("select * from portal_identity where firm_id = :firmId and id in (:ids)")
	List<PortalIdentity> findAllInFirm(UUID firmId, Collection<UUID> ids);
}
