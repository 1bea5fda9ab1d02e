package io.atrium.client;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

interface ContactRepository extends CrudRepository<Contact, UUID> {

	@Query("select * from contact where firm_id = :firmId and client_id = :clientId and id = :id")
	Optional<Contact> findInClient(UUID firmId, UUID clientId, UUID id);

	@Query("select * from contact where firm_id = :firmId and client_id = :clientId order by created_at, id")
	List<Contact> findByClient(UUID firmId, UUID clientId);
}
