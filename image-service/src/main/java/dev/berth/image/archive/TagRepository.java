package dev.berth.image.archive;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tags of a repository, which {@code docker save NAME} saves when NAME has no tag. */
@Repository
class TagRepository {

  /** A tag ({@code name}) of a repository and the image it points at. */
  record TagRow(String name, String imageId) {
  }

  private final JdbcClient jdbc;

  TagRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The tags of canonical repository {@code repository}, by name. */
  List<TagRow> findByRepository(String repository) {
    return jdbc.sql("SELECT name, image_id FROM tag WHERE repository = :repository ORDER BY name")
        .param("repository", repository)
        .query(TagRow.class)
        .list();
  }
}
