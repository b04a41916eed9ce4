package dev.berth.registry.tag;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tag rows. */
@Repository
public class TagRepository {

  private final JdbcClient jdbc;

  TagRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Points tag {@code name} at a manifest, moving it when it pointed elsewhere. */
  public void upsert(long repositoryId, String name, long manifestId) {
    jdbc.sql("""
        INSERT INTO tag (repository_id, name, manifest_id) VALUES (:repositoryId, :name, :manifestId)
        ON CONFLICT (repository_id, name) DO UPDATE SET manifest_id = EXCLUDED.manifest_id, updated_at = now()""")
        .param("repositoryId", repositoryId)
        .param("name", name)
        .param("manifestId", manifestId)
        .update();
  }

  /** Tag names of repository {@code repository} after {@code last}, in lexical order. */
  List<String> findNames(String repository, String last, int limit) {
    return jdbc.sql("""
        SELECT t.name FROM tag t JOIN repository r ON r.id = t.repository_id
        WHERE r.name = :repository AND t.name > :last ORDER BY t.name LIMIT :limit""")
        .param("repository", repository)
        .param("last", last)
        .param("limit", limit)
        .query(String.class)
        .list();
  }

  public int deleteByName(String repository, String name) {
    return jdbc.sql("""
        DELETE FROM tag t USING repository r
        WHERE r.id = t.repository_id AND r.name = :repository AND t.name = :name""")
        .param("repository", repository)
        .param("name", name)
        .update();
  }
}
