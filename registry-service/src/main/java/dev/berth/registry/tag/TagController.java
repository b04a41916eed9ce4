package dev.berth.registry.tag;

import static dev.berth.registry.distribution.RepositoryRoutingFilter.PREFIX;

import dev.berth.registry.distribution.DistributionException;
import dev.berth.registry.distribution.Pagination;
import dev.berth.registry.distribution.RepositoryName;
import dev.berth.registry.repository.RepositoryRepository;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /v2/<name>/tags/list?n=&last=}. */
@RestController
class TagController {

  /** The listing's JSON body. */
  record TagList(String name, List<String> tags) {
  }

  private final TagRepository tags;
  private final RepositoryRepository repositories;

  TagController(TagRepository tags, RepositoryRepository repositories) {
    this.tags = tags;
    this.repositories = repositories;
  }

  @GetMapping(PREFIX + "tags/list")
  @Transactional(readOnly = true)
  ResponseEntity<TagList> list(RepositoryName name, @RequestParam(required = false) String n,
      @RequestParam(required = false) String last) {
    if (repositories.findId(name.value()).isEmpty()) {
      throw DistributionException.nameUnknown(name.value());
    }
    Pagination pagination = Pagination.of(n, last, null);
    List<String> rows = pagination.limit() != null && pagination.limit() == 0 ? List.of()
        : tags.findNames(name.value(), pagination.last() == null ? "" : pagination.last(), pagination.fetchSize());
    ResponseEntity.BodyBuilder response = ResponseEntity.ok();
    String link = pagination.nextLink("/v2/" + name + "/tags/list", rows);
    if (link != null) {
      response.header(HttpHeaders.LINK, link);
    }
    return response.body(new TagList(name.value(), pagination.page(rows)));
  }
}
