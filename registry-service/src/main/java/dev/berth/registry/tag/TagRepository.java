package dev.berth.registry.tag;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** Tag rows. */
public interface TagRepository extends JpaRepository<TagEntity, TagEntity.Key> {

  /** Points tag {@code name} at a manifest, moving it when it pointed elsewhere. */
  @Modifying
  @Query(value = """
      INSERT INTO tag (repository_id, name, manifest_id) VALUES (:repositoryId, :name, :manifestId)
      ON CONFLICT (repository_id, name) DO UPDATE SET manifest_id = EXCLUDED.manifest_id, updated_at = now()""",
      nativeQuery = true)
  void upsert(long repositoryId, String name, long manifestId);

  /** Tag names of repository {@code repository} after {@code last}, in lexical order. */
  @Query(value = """
      SELECT t.name FROM tag t JOIN repository r ON r.id = t.repository_id
      WHERE r.name = :repository AND t.name > :last ORDER BY t.name LIMIT :limit""", nativeQuery = true)
  List<String> findNames(String repository, String last, int limit);

  @Modifying
  @Query(value = """
      DELETE FROM tag t USING repository r
      WHERE r.id = t.repository_id AND r.name = :repository AND t.name = :name""", nativeQuery = true)
  int deleteByName(String repository, String name);
}
