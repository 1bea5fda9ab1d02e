package io.atrium.firm;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

interface FirmRepository extends CrudRepository<Firm, UUID> {

	Optional<Firm> findBySlug(String slug);

	boolean existsBySlug(String slug);

	@Query("select count(*) > 0 from firm")
	boolean anyExists();
}
