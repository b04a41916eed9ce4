package dev.berth.registry.blob;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/**
 * Blob rows and repository links. Row locks on {@code blob} order every change to a digest's
 * file: committing takes the row lock by upsert, referencing takes a key-share lock through the
 * foreign keys, garbage collection takes {@code FOR UPDATE} before it removes anything.
 */
public interface BlobRepository extends JpaRepository<BlobEntity, String> {

  /** Records committed content, or marks existing content as just used; locks the row. */
  @Modifying
  @Query(value = """
      INSERT INTO blob (digest, size) VALUES (:digest, :size)
      ON CONFLICT (digest) DO UPDATE SET touched_at = now()""", nativeQuery = true)
  void upsert(String digest, long size);

  /**
   * Marks a blob as just used so that garbage collection spares it for its grace period; waits
   * for a collector holding the row and returns 0 when the collector removed it.
   */
  @Modifying
  @Query(value = "UPDATE blob SET touched_at = now() WHERE digest = :digest", nativeQuery = true)
  int touch(String digest);

  @Modifying
  @Query(value = """
      INSERT INTO repository_blob (repository_id, digest) VALUES (:repositoryId, :digest)
      ON CONFLICT DO NOTHING""", nativeQuery = true)
  void link(long repositoryId, String digest);

  @Modifying
  @Query(value = "DELETE FROM repository_blob WHERE repository_id = :repositoryId AND digest = :digest",
      nativeQuery = true)
  int unlink(long repositoryId, String digest);

  /** The size of {@code digest} if repository {@code name} may serve it. */
  @Query(value = """
      SELECT b.size FROM blob b
      JOIN repository_blob l ON l.digest = b.digest
      JOIN repository r ON r.id = l.repository_id
      WHERE r.name = :name AND b.digest = :digest""", nativeQuery = true)
  Optional<Long> findLinkedSize(String name, String digest);

  /** Blobs untouched for {@code graceSeconds} that no manifest is or references, after {@code after}. */
  @Query(value = """
      SELECT b.digest FROM blob b
      WHERE b.digest > :after
        AND b.touched_at < now() - make_interval(secs => :graceSeconds)
        AND NOT EXISTS (SELECT 1 FROM manifest m WHERE m.digest = b.digest)
        AND NOT EXISTS (SELECT 1 FROM manifest_reference r WHERE r.digest = b.digest)
      ORDER BY b.digest LIMIT :limit""", nativeQuery = true)
  List<String> findCollectable(String after, double graceSeconds, int limit);

  /**
   * Locks a blob for collection when it is still untouched for {@code graceSeconds}; skips it (empty)
   * while anyone else holds it, as an upload commit or a manifest push referencing it does.
   */
  @Query(value = """
      SELECT b.size FROM blob b
      WHERE b.digest = :digest
        AND b.touched_at < now() - make_interval(secs => :graceSeconds)
      FOR UPDATE SKIP LOCKED""", nativeQuery = true)
  Optional<Long> lockCollectable(String digest, double graceSeconds);

  /** Whether any manifest is or references {@code digest}, as committed now. */
  @Query(value = """
      SELECT EXISTS (SELECT 1 FROM manifest WHERE digest = :digest)
          OR EXISTS (SELECT 1 FROM manifest_reference WHERE digest = :digest)""", nativeQuery = true)
  boolean isReferenced(String digest);

  @Modifying
  @Query(value = "DELETE FROM blob WHERE digest = :digest", nativeQuery = true)
  int deleteRow(String digest);
}
