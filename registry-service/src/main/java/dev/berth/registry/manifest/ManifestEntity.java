package dev.berth.registry.manifest;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A manifest of a repository; its bytes are the blob {@link #digest()}. */
@Entity
@Table(name = "manifest")
public class ManifestEntity {

  @Id
  private Long id;

  @Column(name = "repository_id", nullable = false)
  private long repositoryId;

  @Column(nullable = false)
  private String digest;

  @Column(name = "media_type", nullable = false)
  private String mediaType;

  @Column(nullable = false)
  private long size;

  @Column(name = "artifact_type")
  private String artifactType;

  private String subject;

  /** The manifest's {@code annotations} as a JSON object, or null. */
  private String annotations;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected ManifestEntity() {
  }

  public Long id() {
    return id;
  }

  public String digest() {
    return digest;
  }

  public String mediaType() {
    return mediaType;
  }

  public long size() {
    return size;
  }

  public String artifactType() {
    return artifactType;
  }

  public String subject() {
    return subject;
  }

  public String annotations() {
    return annotations;
  }
}
