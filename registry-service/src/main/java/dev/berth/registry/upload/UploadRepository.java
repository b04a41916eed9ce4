package dev.berth.registry.upload;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Upload session rows. */
@Repository
class UploadRepository {

  private final JdbcClient jdbc;

  UploadRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Records a new, empty session. */
  void insert(UUID id, long repositoryId) {
    jdbc.sql("INSERT INTO upload (id, repository_id) VALUES (:id, :repositoryId)")
        .param("id", id)
        .param("repositoryId", repositoryId)
        .update();
  }

  /** The session {@code id} if it belongs to repository {@code name}. */
  Optional<UploadRow> findInRepository(UUID id, String name) {
    return jdbc.sql("""
        SELECT u.id, u.repository_id, u.size FROM upload u JOIN repository r ON r.id = u.repository_id
        WHERE u.id = :id AND r.name = :name""")
        .param("id", id)
        .param("name", name)
        .query(UploadRow.class)
        .optional();
  }

  /**
   * Records that session {@code id} now holds {@code size} bytes; this also renews it, as garbage
   * collection cancels only sessions idle for longer than the upload expiry.
   */
  void updateSize(UUID id, long size) {
    jdbc.sql("UPDATE upload SET size = :size, updated_at = now() WHERE id = :id")
        .param("id", id)
        .param("size", size)
        .update();
  }

  void delete(UUID id) {
    jdbc.sql("DELETE FROM upload WHERE id = :id")
        .param("id", id)
        .update();
  }

  /** Sessions idle for longer than {@code seconds}. */
  List<UUID> findIdleIds(double seconds) {
    return jdbc.sql("SELECT u.id FROM upload u WHERE u.updated_at < now() - make_interval(secs => :seconds)")
        .param("seconds", seconds)
        .query(UUID.class)
        .list();
  }
}
