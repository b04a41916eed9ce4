package dev.berth.image.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An image: its config digest (the image ID), the manifest it came with, and its platform. */
@Entity
@Table(name = "image")
public class ImageEntity {

  @Id
  private String id;

  @Column(name = "manifest_digest", nullable = false)
  private String manifestDigest;

  @Column(name = "manifest_media_type", nullable = false)
  private String manifestMediaType;

  @Column(nullable = false)
  private String os;

  @Column(nullable = false)
  private String architecture;

  private String variant;

  private Instant created;

  @Column(nullable = false)
  private long size;

  @Column(name = "stored_at", nullable = false)
  private Instant storedAt;

  protected ImageEntity() {
  }

  public String id() {
    return id;
  }

  public String manifestDigest() {
    return manifestDigest;
  }

  public String manifestMediaType() {
    return manifestMediaType;
  }

  public String os() {
    return os;
  }

  public String architecture() {
    return architecture;
  }

  public String variant() {
    return variant;
  }

  public Instant created() {
    return created;
  }

  public long size() {
    return size;
  }

  public Instant storedAt() {
    return storedAt;
  }
}
