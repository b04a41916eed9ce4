package dev.berth.registry.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A repository row. */
@Entity
@Table(name = "repository")
public class RepositoryEntity {

  @Id
  private Long id;

  @Column(nullable = false, unique = true)
  private String name;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected RepositoryEntity() {
  }

  public Long id() {
    return id;
  }
}
