package dev.berth.registry.gc;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Garbage collection history. */
@Repository
class GcRunRepository {

  /** The columns of a {@link GcRun}. */
  private static final String COLUMNS =
      "id, trigger, started_at, finished_at, blobs_deleted, bytes_reclaimed, uploads_purged, error";

  private final JdbcClient jdbc;

  GcRunRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Records a run that starts now. */
  GcRun start(String trigger) {
    return jdbc.sql("INSERT INTO gc_run (trigger, started_at) VALUES (:trigger, now()) RETURNING " + COLUMNS)
        .param("trigger", trigger)
        .query(GcRun.class)
        .single();
  }

  /** Records that run {@code id} finished now, what it reclaimed, and the error that stopped it early, if any. */
  GcRun finish(long id, long blobsDeleted, long bytesReclaimed, long uploadsPurged, String error) {
    return jdbc.sql("""
        UPDATE gc_run SET finished_at = now(), blobs_deleted = :blobsDeleted, bytes_reclaimed = :bytesReclaimed,
          uploads_purged = :uploadsPurged, error = :error
        WHERE id = :id RETURNING\s""" + COLUMNS)
        .param("id", id)
        .param("blobsDeleted", blobsDeleted)
        .param("bytesReclaimed", bytesReclaimed)
        .param("uploadsPurged", uploadsPurged)
        .param("error", error)
        .query(GcRun.class)
        .single();
  }

  /** The latest {@code limit} runs, newest first. */
  List<GcRun> findRecent(int limit) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM gc_run ORDER BY id DESC LIMIT :limit")
        .param("limit", limit)
        .query(GcRun.class)
        .list();
  }
}
