package dev.berth.registry.gc;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One garbage collection run and what it reclaimed. */
@Entity
@Table(name = "gc_run")
public class GcRunEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String trigger;

  @Column(name = "started_at", nullable = false)
  private Instant startedAt;

  @Column(name = "finished_at")
  private Instant finishedAt;

  @Column(name = "blobs_deleted", nullable = false)
  private long blobsDeleted;

  @Column(name = "bytes_reclaimed", nullable = false)
  private long bytesReclaimed;

  @Column(name = "uploads_purged", nullable = false)
  private long uploadsPurged;

  private String error;

  protected GcRunEntity() {
  }

  GcRunEntity(String trigger) {
    this.trigger = trigger;
    this.startedAt = Instant.now();
  }

  void reclaimed(long bytes) {
    blobsDeleted++;
    bytesReclaimed += bytes;
  }

  void purged(long uploads) {
    uploadsPurged += uploads;
  }

  void finish(String error) {
    this.finishedAt = Instant.now();
    this.error = error;
  }

  GcRun toRun() {
    return new GcRun(id, trigger, startedAt, finishedAt, blobsDeleted, bytesReclaimed, uploadsPurged, error);
  }
}
