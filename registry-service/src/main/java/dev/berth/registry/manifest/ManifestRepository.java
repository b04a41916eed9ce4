package dev.berth.registry.manifest;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** Manifest rows and what they reference. */
public interface ManifestRepository extends JpaRepository<ManifestEntity, Long> {

  @Query(value = """
      SELECT m.* FROM manifest m JOIN repository r ON r.id = m.repository_id
      WHERE r.name = :name AND m.digest = :digest""", nativeQuery = true)
  Optional<ManifestEntity> findByDigest(String name, String digest);

  @Query(value = """
      SELECT m.* FROM manifest m
      JOIN tag t ON t.manifest_id = m.id
      JOIN repository r ON r.id = t.repository_id
      WHERE r.name = :name AND t.name = :tag""", nativeQuery = true)
  Optional<ManifestEntity> findByTag(String name, String tag);

  @Query(value = "SELECT EXISTS (SELECT 1 FROM manifest WHERE repository_id = :repositoryId AND digest = :digest)",
      nativeQuery = true)
  boolean existsInRepository(long repositoryId, String digest);

  /** Records a manifest (or finds the same one pushed before) and returns its id; locks the row. */
  @Query(value = """
      INSERT INTO manifest (repository_id, digest, media_type, size, artifact_type, subject, annotations)
      VALUES (:repositoryId, :digest, :mediaType, :size, :artifactType, :subject, :annotations)
      ON CONFLICT (repository_id, digest) DO UPDATE SET media_type = EXCLUDED.media_type
      RETURNING id""", nativeQuery = true)
  long upsert(long repositoryId, String digest, String mediaType, long size, String artifactType, String subject,
      String annotations);

  @Modifying
  @Query(value = "INSERT INTO manifest_reference (manifest_id, digest) VALUES (:manifestId, :digest) ON CONFLICT DO NOTHING",
      nativeQuery = true)
  void addReference(long manifestId, String digest);

  /** Deletes a manifest with its tags and references. */
  @Modifying
  @Query(value = """
      DELETE FROM manifest m USING repository r
      WHERE r.id = m.repository_id AND r.name = :name AND m.digest = :digest""", nativeQuery = true)
  int deleteByDigest(String name, String digest);

  /** Manifests of repository {@code name} whose subject is {@code subject}, by digest. */
  @Query(value = """
      SELECT m.* FROM manifest m JOIN repository r ON r.id = m.repository_id
      WHERE r.name = :name AND m.subject = :subject ORDER BY m.digest""", nativeQuery = true)
  List<ManifestEntity> findReferrers(String name, String subject);
}
