package dev.berth.registry.repository;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Repository rows. */
public interface RepositoryRepository extends JpaRepository<RepositoryEntity, Long> {

  Optional<RepositoryEntity> findByName(String name);

  /** The id of repository {@code name}, creating it when new. */
  @Query(value = """
      INSERT INTO repository (name) VALUES (:name)
      ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name
      RETURNING id""", nativeQuery = true)
  long upsert(String name);

  /** Names of repositories holding at least one manifest, after {@code last}, in lexical order. */
  @Query(value = """
      SELECT r.name FROM repository r
      WHERE r.name > :last AND EXISTS (SELECT 1 FROM manifest m WHERE m.repository_id = r.id)
      ORDER BY r.name LIMIT :limit""", nativeQuery = true)
  List<String> findNamesWithManifests(String last, int limit);
}
