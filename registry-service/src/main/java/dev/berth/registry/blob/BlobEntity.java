package dev.berth.registry.blob;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A blob whose bytes are committed in the content store. */
@Entity
@Table(name = "blob")
public class BlobEntity {

  @Id
  private String digest;

  @Column(nullable = false)
  private long size;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "touched_at", nullable = false)
  private Instant touchedAt;

  protected BlobEntity() {
  }
}
