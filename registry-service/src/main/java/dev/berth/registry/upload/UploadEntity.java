package dev.berth.registry.upload;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An upload session: which repository, how many bytes received so far. */
@Entity
@Table(name = "upload")
public class UploadEntity {

  @Id
  private UUID id;

  @Column(name = "repository_id", nullable = false)
  private long repositoryId;

  @Column(nullable = false)
  private long size;

  @Column(name = "started_at", nullable = false)
  private Instant startedAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected UploadEntity() {
  }

  UploadEntity(UUID id, long repositoryId) {
    this.id = id;
    this.repositoryId = repositoryId;
    this.startedAt = Instant.now();
    this.updatedAt = startedAt;
  }

  public UUID id() {
    return id;
  }

  public long repositoryId() {
    return repositoryId;
  }

  public long size() {
    return size;
  }

  void received(long newSize) {
    this.size = newSize;
    this.updatedAt = Instant.now();
  }
}
