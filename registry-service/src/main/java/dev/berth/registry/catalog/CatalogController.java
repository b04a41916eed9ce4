package dev.berth.registry.catalog;

import dev.berth.registry.distribution.Pagination;
import dev.berth.registry.repository.RepositoryRepository;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /v2/_catalog?n=&last=}: a page of 1000 names unless {@code n} says otherwise. */
@RestController
class CatalogController {

  private static final int DEFAULT_PAGE = 1000;

  /** The catalog's JSON body. */
  record Catalog(List<String> repositories) {
  }

  private final RepositoryRepository repositories;

  CatalogController(RepositoryRepository repositories) {
    this.repositories = repositories;
  }

  @GetMapping("/v2/_catalog")
  @Transactional(readOnly = true)
  ResponseEntity<Catalog> catalog(@RequestParam(required = false) String n,
      @RequestParam(required = false) String last) {
    Pagination pagination = Pagination.of(n, last, DEFAULT_PAGE);
    List<String> rows = pagination.limit() == 0 ? List.of()
        : repositories.findNamesWithManifests(pagination.last() == null ? "" : pagination.last(),
            pagination.fetchSize());
    ResponseEntity.BodyBuilder response = ResponseEntity.ok();
    String link = pagination.nextLink("/v2/_catalog", rows);
    if (link != null) {
      response.header(HttpHeaders.LINK, link);
    }
    return response.body(new Catalog(pagination.page(rows)));
  }
}
