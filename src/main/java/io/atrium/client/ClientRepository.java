package io.atrium.client;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

/** Loads and saves clients, always within one firm; lists and searches are in {@link ClientSearch}. */
interface ClientRepository extends CrudRepository<Client, UUID> {

	@Query("select * from client where firm_id = :firmId and id = :id")
	Optional<Client> findInFirm(UUID firmId, UUID id);
}
