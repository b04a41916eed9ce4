package dev.berth.image.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A blob committed to the content store; layers also carry their diffID and unpacked size. */
@Entity
@Table(name = "blob")
public class BlobEntity {

  @Id
  private String digest;

  @Column(nullable = false)
  private long size;

  @Column(name = "media_type", nullable = false)
  private String mediaType;

  @Column(name = "diff_id")
  private String diffId;

  @Column(name = "uncompressed_size")
  private Long uncompressedSize;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected BlobEntity() {
  }

  public String digest() {
    return digest;
  }

  public long size() {
    return size;
  }

  public String mediaType() {
    return mediaType;
  }

  public String diffId() {
    return diffId;
  }

  public Long uncompressedSize() {
    return uncompressedSize;
  }
}
