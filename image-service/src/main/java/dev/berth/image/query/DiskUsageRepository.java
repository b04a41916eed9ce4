package dev.berth.image.query;

import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Blob bytes per image, computed in PostgreSQL over images, their layers and blobs. */
@Repository
class DiskUsageRepository {

  /** Every (image, blob) pair: its config, its manifest and its layers. */
  private static final String IMAGE_BLOBS = """
      WITH image_blob AS (
        SELECT id AS image_id, id AS digest FROM image
        UNION SELECT id, manifest_digest FROM image
        UNION SELECT image_id, digest FROM image_layer)
      """;

  /** The bytes of an image's blobs, and of those other images use too. */
  record ImageBytes(String imageId, long size, long sharedSize) {
  }

  private final JdbcClient jdbc;

  DiskUsageRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Per image, newest first. */
  List<ImageBytes> imageBytes() {
    return jdbc.sql(IMAGE_BLOBS + """
        SELECT ib.image_id, sum(b.size)::bigint AS size,
          COALESCE(sum(b.size) FILTER (WHERE EXISTS (
            SELECT 1 FROM image_blob o WHERE o.digest = ib.digest AND o.image_id <> ib.image_id)), 0)::bigint
            AS shared_size
        FROM image_blob ib
        JOIN blob b ON b.digest = ib.digest
        JOIN image i ON i.id = ib.image_id
        GROUP BY ib.image_id, i.stored_at
        ORDER BY i.stored_at DESC, ib.image_id""")
        .query(ImageBytes.class)
        .list();
  }

  /** The bytes of blobs that images {@code imageIds} use and no other image does. */
  long exclusiveTo(Collection<String> imageIds) {
    if (imageIds.isEmpty()) {
      return 0;
    }
    return jdbc.sql(IMAGE_BLOBS + """
        SELECT COALESCE(sum(b.size), 0)::bigint FROM blob b
        WHERE b.digest IN (SELECT digest FROM image_blob WHERE image_id IN (:ids))
          AND b.digest NOT IN (SELECT digest FROM image_blob WHERE image_id NOT IN (:ids))""")
        .param("ids", imageIds)
        .query(Long.class)
        .single();
  }
}
