package dev.berth.registry.repository;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Repository rows. */
@Repository
public class RepositoryRepository {

  private final JdbcClient jdbc;

  RepositoryRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The id of repository {@code name}, if it exists. */
  public Optional<Long> findId(String name) {
    return jdbc.sql("SELECT id FROM repository WHERE name = :name")
        .param("name", name)
        .query(Long.class)
        .optional();
  }

  /** The id of repository {@code name}, creating it when new. */
  public long upsert(String name) {
    return jdbc.sql("""
        INSERT INTO repository (name) VALUES (:name)
        ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name
        RETURNING id""")
        .param("name", name)
        .query(Long.class)
        .single();
  }

  /** Names of repositories holding at least one manifest, after {@code last}, in lexical order. */
  public List<String> findNamesWithManifests(String last, int limit) {
    return jdbc.sql("""
        SELECT r.name FROM repository r
        WHERE r.name > :last AND EXISTS (SELECT 1 FROM manifest m WHERE m.repository_id = r.id)
        ORDER BY r.name LIMIT :limit""")
        .param("last", last)
        .param("limit", limit)
        .query(String.class)
        .list();
  }
}
