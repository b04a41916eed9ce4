package dev.berth.registry.tag;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** A tag of a repository, pointing at one of its manifests. */
@Entity
@Table(name = "tag")
@IdClass(TagEntity.Key.class)
public class TagEntity {

  /** The primary key: repository and tag name. */
  public record Key(Long repositoryId, String name) implements Serializable {
  }

  @Id
  @Column(name = "repository_id")
  private Long repositoryId;

  @Id
  private String name;

  @Column(name = "manifest_id", nullable = false)
  private long manifestId;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected TagEntity() {
  }
}
