package io.atrium.document;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

interface DocumentRequestRepository extends CrudRepository<DocumentRequest, UUID> {

	@Query("select * from document_request where firm_id = :firmId and id = :id")
	Optional<DocumentRequest> findInFirm(UUID firmId, UUID id);
}
