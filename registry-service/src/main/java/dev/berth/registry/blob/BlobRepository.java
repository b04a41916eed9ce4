package dev.berth.registry.blob;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Blob rows and repository links. Row locks on {@code blob} order every change to a digest's
 * file: committing takes the row lock by upsert, referencing takes a key-share lock through the
 * foreign keys, garbage collection takes {@code FOR UPDATE} before it removes anything.
 */
@Repository
public class BlobRepository {

  private final JdbcClient jdbc;

  BlobRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Records committed content, or marks existing content as just used; locks the row. */
  public void upsert(String digest, long size) {
    jdbc.sql("""
        INSERT INTO blob (digest, size) VALUES (:digest, :size)
        ON CONFLICT (digest) DO UPDATE SET touched_at = now()""")
        .param("digest", digest)
        .param("size", size)
        .update();
  }

  /**
   * Marks a blob as just used so that garbage collection spares it for its grace period; waits
   * for a collector holding the row and returns 0 when the collector removed it.
   */
  public int touch(String digest) {
    return jdbc.sql("UPDATE blob SET touched_at = now() WHERE digest = :digest")
        .param("digest", digest)
        .update();
  }

  public void link(long repositoryId, String digest) {
    jdbc.sql("""
        INSERT INTO repository_blob (repository_id, digest) VALUES (:repositoryId, :digest)
        ON CONFLICT DO NOTHING""")
        .param("repositoryId", repositoryId)
        .param("digest", digest)
        .update();
  }

  public int unlink(long repositoryId, String digest) {
    return jdbc.sql("DELETE FROM repository_blob WHERE repository_id = :repositoryId AND digest = :digest")
        .param("repositoryId", repositoryId)
        .param("digest", digest)
        .update();
  }

  /** The size of {@code digest} if repository {@code name} may serve it. */
  public Optional<Long> findLinkedSize(String name, String digest) {
    return jdbc.sql("""
        SELECT b.size FROM blob b
        JOIN repository_blob l ON l.digest = b.digest
        JOIN repository r ON r.id = l.repository_id
        WHERE r.name = :name AND b.digest = :digest""")
        .param("name", name)
        .param("digest", digest)
        .query(Long.class)
        .optional();
  }

  /** Blobs untouched for {@code graceSeconds} that no manifest is or references, after {@code after}. */
  public List<String> findCollectable(String after, double graceSeconds, int limit) {
    return jdbc.sql("""
        SELECT b.digest FROM blob b
        WHERE b.digest > :after
          AND b.touched_at < now() - make_interval(secs => :graceSeconds)
          AND NOT EXISTS (SELECT 1 FROM manifest m WHERE m.digest = b.digest)
          AND NOT EXISTS (SELECT 1 FROM manifest_reference r WHERE r.digest = b.digest)
        ORDER BY b.digest LIMIT :limit""")
        .param("after", after)
        .param("graceSeconds", graceSeconds)
        .param("limit", limit)
        .query(String.class)
        .list();
  }

  /**
   * Locks a blob for collection when it is still untouched for {@code graceSeconds}; skips it (empty)
   * while anyone else holds it, as an upload commit or a manifest push referencing it does.
   */
  public Optional<Long> lockCollectable(String digest, double graceSeconds) {
    return jdbc.sql("""
        SELECT b.size FROM blob b
        WHERE b.digest = :digest
          AND b.touched_at < now() - make_interval(secs => :graceSeconds)
        FOR UPDATE SKIP LOCKED""")
        .param("digest", digest)
        .param("graceSeconds", graceSeconds)
        .query(Long.class)
        .optional();
  }

  /** Whether any manifest is or references {@code digest}, as committed now. */
  public boolean isReferenced(String digest) {
    return jdbc.sql("""
        SELECT EXISTS (SELECT 1 FROM manifest WHERE digest = :digest)
            OR EXISTS (SELECT 1 FROM manifest_reference WHERE digest = :digest)""")
        .param("digest", digest)
        .query(Boolean.class)
        .single();
  }

  public int deleteRow(String digest) {
    return jdbc.sql("DELETE FROM blob WHERE digest = :digest")
        .param("digest", digest)
        .update();
  }
}
