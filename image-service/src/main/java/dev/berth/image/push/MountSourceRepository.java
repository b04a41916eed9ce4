package dev.berth.image.push;

import dev.berth.image.store.ImageEntity;
import java.util.Optional;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * Where a registry is known to hold a blob: the repositories of images that contain it (as a layer
 * or as their config), from their repository digests (pulled from or pushed to there) first, then
 * their tags. A cross-repository mount from one of them saves uploading the blob again.
 */
interface MountSourceRepository extends Repository<ImageEntity, String> {

  /**
   * The likeliest canonical repository ({@code registry/path}) starting with {@code registryPrefix},
   * other than {@code target}, whose images contain blob {@code digest}.
   */
  @Query(value = """
      SELECT c.repository FROM (
        SELECT d.repository, 0 AS preference FROM repo_digest d
        WHERE d.image_id = :digest OR d.image_id IN (SELECT l.image_id FROM image_layer l WHERE l.digest = :digest)
        UNION ALL
        SELECT t.repository, 1 AS preference FROM tag t
        WHERE t.image_id = :digest OR t.image_id IN (SELECT l.image_id FROM image_layer l WHERE l.digest = :digest)
      ) c
      WHERE starts_with(c.repository, :registryPrefix) AND c.repository <> :target
      ORDER BY c.preference, c.repository LIMIT 1""", nativeQuery = true)
  Optional<String> findRepositoryHolding(String digest, String registryPrefix, String target);
}
