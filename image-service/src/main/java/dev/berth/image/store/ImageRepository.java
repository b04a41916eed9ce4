package dev.berth.image.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** Images with their layers, tags and repository digests. */
public interface ImageRepository extends JpaRepository<ImageEntity, String> {

  /** Records an image unless it is already stored; returns how many rows were inserted. */
  @Modifying
  @Query(value = """
      INSERT INTO image (id, manifest_digest, manifest_media_type, os, architecture, variant, created, size)
      VALUES (:id, :manifestDigest, :manifestMediaType, :os, :architecture, :variant, :created, :size)
      ON CONFLICT (id) DO NOTHING""", nativeQuery = true)
  int insertIfAbsent(String id, String manifestDigest, String manifestMediaType, String os, String architecture,
      String variant, Instant created, long size);

  @Modifying
  @Query(value = "INSERT INTO image_layer (image_id, position, digest) VALUES (:imageId, :position, :digest)",
      nativeQuery = true)
  void insertLayer(String imageId, int position, String digest);

  /** The image's layer blobs, bottom first. */
  @Query(value = """
      SELECT b.* FROM blob b JOIN image_layer l ON l.digest = b.digest
      WHERE l.image_id = :imageId ORDER BY l.position""", nativeQuery = true)
  List<BlobEntity> findLayers(String imageId);

  /** Ids starting with {@code prefix} (at most two: enough to tell an ambiguous prefix). */
  @Query(value = "SELECT id FROM image WHERE id LIKE :prefix || '%' ORDER BY id LIMIT 2", nativeQuery = true)
  List<String> findIdsByPrefix(String prefix);

  @Modifying
  @Query(value = """
      INSERT INTO tag (repository, name, image_id) VALUES (:repository, :name, :imageId)
      ON CONFLICT (repository, name) DO UPDATE SET image_id = EXCLUDED.image_id, updated_at = now()""",
      nativeQuery = true)
  void upsertTag(String repository, String name, String imageId);

  @Modifying
  @Query(value = "DELETE FROM tag WHERE repository = :repository AND name = :name", nativeQuery = true)
  int deleteTag(String repository, String name);

  @Query(value = "SELECT image_id FROM tag WHERE repository = :repository AND name = :name", nativeQuery = true)
  Optional<String> findIdByTag(String repository, String name);

  /** Tags of an image as {@code repository:name}, sorted. */
  @Query(value = "SELECT repository || ':' || name FROM tag WHERE image_id = :imageId ORDER BY 1", nativeQuery = true)
  List<String> findTags(String imageId);

  @Modifying
  @Query(value = """
      INSERT INTO repo_digest (repository, digest, image_id) VALUES (:repository, :digest, :imageId)
      ON CONFLICT (repository, digest) DO UPDATE SET image_id = EXCLUDED.image_id""", nativeQuery = true)
  void upsertRepoDigest(String repository, String digest, String imageId);

  @Query(value = "SELECT image_id FROM repo_digest WHERE repository = :repository AND digest = :digest",
      nativeQuery = true)
  Optional<String> findIdByRepoDigest(String repository, String digest);

  /** Repository digests of an image as {@code repository@digest}, sorted. */
  @Query(value = "SELECT repository || '@' || digest FROM repo_digest WHERE image_id = :imageId ORDER BY 1",
      nativeQuery = true)
  List<String> findRepoDigests(String imageId);

  @Query(value = "SELECT i.* FROM image i ORDER BY i.stored_at DESC, i.id", nativeQuery = true)
  List<ImageEntity> findAllNewestFirst();
}
