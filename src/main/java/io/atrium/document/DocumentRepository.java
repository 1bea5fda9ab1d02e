package io.atrium.document;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

interface DocumentRepository extends CrudRepository<Document, UUID> {

	@Query("select * from document where firm_id = :firmId and id = :id")
	Optional<Document> findInFirm(UUID firmId, UUID id);

	/** Trashed before {@code before}, at most {@code limit} at a time. */
	@Query("select * from document where deleted_at < :before order by deleted_at limit :limit")
	List<Document> findTrashedBefore(Instant before, int limit);
}
