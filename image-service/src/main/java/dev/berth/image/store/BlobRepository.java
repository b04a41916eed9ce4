package dev.berth.image.store;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** Blob rows. */
public interface BlobRepository extends JpaRepository<BlobEntity, String> {

  /** Records committed content; locks the row until the transaction ends. */
  @Modifying
  @Query(value = """
      INSERT INTO blob (digest, size, media_type, diff_id, uncompressed_size)
      VALUES (:digest, :size, :mediaType, :diffId, :uncompressedSize)
      ON CONFLICT (digest) DO UPDATE SET
        diff_id = COALESCE(blob.diff_id, EXCLUDED.diff_id),
        uncompressed_size = COALESCE(blob.uncompressed_size, EXCLUDED.uncompressed_size),
        touched_at = now()""", nativeQuery = true)
  void upsert(String digest, long size, String mediaType, String diffId, Long uncompressedSize);

  /** Of {@code digests}, those no image uses any more, locked for deletion (rows in use are skipped). */
  @Query(value = """
      SELECT b.digest FROM blob b
      WHERE b.digest IN (:digests)
        AND NOT EXISTS (SELECT 1 FROM image i WHERE i.id = b.digest OR i.manifest_digest = b.digest)
        AND NOT EXISTS (SELECT 1 FROM image_layer l WHERE l.digest = b.digest)
      FOR UPDATE SKIP LOCKED""", nativeQuery = true)
  List<String> lockUnused(List<String> digests);

  /**
   * Marks a stored blob as used just now, so that the sweep spares it; waits for a sweep holding
   * it and returns 0 when the sweep removed it.
   */
  @Modifying
  @Query(value = "UPDATE blob SET touched_at = now() WHERE digest = :digest", nativeQuery = true)
  int touch(String digest);

  /** Blobs no image uses that were not used for {@code graceSeconds}, locked for deletion (held rows skipped). */
  @Query(value = """
      SELECT b.digest FROM blob b
      WHERE b.touched_at < now() - make_interval(secs => :graceSeconds)
        AND NOT EXISTS (SELECT 1 FROM image i WHERE i.id = b.digest OR i.manifest_digest = b.digest)
        AND NOT EXISTS (SELECT 1 FROM image_layer l WHERE l.digest = b.digest)
      ORDER BY b.digest LIMIT :limit
      FOR UPDATE SKIP LOCKED""", nativeQuery = true)
  List<String> lockSweepable(double graceSeconds, int limit);

  @Modifying
  @Query(value = "DELETE FROM blob WHERE digest IN (:digests)", nativeQuery = true)
  int deleteAll(List<String> digests);

  /** Bytes of all blobs: what the store takes on disk. */
  @Query(value = "SELECT COALESCE(sum(size), 0) FROM blob", nativeQuery = true)
  long totalSize();
}
