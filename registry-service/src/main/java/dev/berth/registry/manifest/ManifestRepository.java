package dev.berth.registry.manifest;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Manifest rows and what they reference. */
@Repository
public class ManifestRepository {

  /** Manifests {@code m} as {@link ManifestRow}s, to be joined and filtered. */
  private static final String SELECT_ROWS = """
      SELECT m.id, m.digest, m.media_type, m.size, m.artifact_type, m.subject, m.annotations
      FROM manifest m
      """;

  private final JdbcClient jdbc;

  ManifestRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<ManifestRow> findByDigest(String name, String digest) {
    return jdbc.sql(SELECT_ROWS + """
        JOIN repository r ON r.id = m.repository_id
        WHERE r.name = :name AND m.digest = :digest""")
        .param("name", name)
        .param("digest", digest)
        .query(ManifestRow.class)
        .optional();
  }

  public Optional<ManifestRow> findByTag(String name, String tag) {
    return jdbc.sql(SELECT_ROWS + """
        JOIN tag t ON t.manifest_id = m.id
        JOIN repository r ON r.id = t.repository_id
        WHERE r.name = :name AND t.name = :tag""")
        .param("name", name)
        .param("tag", tag)
        .query(ManifestRow.class)
        .optional();
  }

  public boolean existsInRepository(long repositoryId, String digest) {
    return jdbc.sql("SELECT EXISTS (SELECT 1 FROM manifest WHERE repository_id = :repositoryId AND digest = :digest)")
        .param("repositoryId", repositoryId)
        .param("digest", digest)
        .query(Boolean.class)
        .single();
  }

  /** Records a manifest (or finds the same one pushed before) and returns its id; locks the row. */
  public long upsert(long repositoryId, String digest, String mediaType, long size, String artifactType,
      String subject, String annotations) {
    return jdbc.sql("""
        INSERT INTO manifest (repository_id, digest, media_type, size, artifact_type, subject, annotations)
        VALUES (:repositoryId, :digest, :mediaType, :size, :artifactType, :subject, :annotations)
        ON CONFLICT (repository_id, digest) DO UPDATE SET media_type = EXCLUDED.media_type
        RETURNING id""")
        .param("repositoryId", repositoryId)
        .param("digest", digest)
        .param("mediaType", mediaType)
        .param("size", size)
        .param("artifactType", artifactType)
        .param("subject", subject)
        .param("annotations", annotations)
        .query(Long.class)
        .single();
  }

  public void addReference(long manifestId, String digest) {
    jdbc.sql("""
        INSERT INTO manifest_reference (manifest_id, digest) VALUES (:manifestId, :digest)
        ON CONFLICT DO NOTHING""")
        .param("manifestId", manifestId)
        .param("digest", digest)
        .update();
  }

  /** Deletes a manifest with its tags and references. */
  public int deleteByDigest(String name, String digest) {
    return jdbc.sql("""
        DELETE FROM manifest m USING repository r
        WHERE r.id = m.repository_id AND r.name = :name AND m.digest = :digest""")
        .param("name", name)
        .param("digest", digest)
        .update();
  }

  /** Manifests of repository {@code name} whose subject is {@code subject}, by digest. */
  public List<ManifestRow> findReferrers(String name, String subject) {
    return jdbc.sql(SELECT_ROWS + """
        JOIN repository r ON r.id = m.repository_id
        WHERE r.name = :name AND m.subject = :subject ORDER BY m.digest""")
        .param("name", name)
        .param("subject", subject)
        .query(ManifestRow.class)
        .list();
  }
}
