package dev.berth.registry.catalog;

import static dev.berth.registry.TestContent.randomBytes;
import static dev.berth.registry.TestContent.repository;
import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.oci.OciJson;
import dev.berth.registry.AbstractRegistryIT;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CatalogIT extends AbstractRegistryIT {

  private final String prefix = repository("catalog");

  @BeforeEach
  void pushRepositories() {
    for (String suffix : List.of("/b", "/a", "/c/nested", "/c")) {
      registry.pushImage(prefix + suffix, "latest");
    }
    registry.pushBlob(prefix + "/blobs-only", randomBytes(10));
  }

  @Test
  void listsRepositoriesWithManifestsInLexicalOrder() {
    HttpResponse<byte[]> response = registry.get("/v2/_catalog");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Docker-Distribution-API-Version")).hasValue("registry/2.0");
    assertThat(repositories(response)).filteredOn(name -> name.startsWith(prefix + "/"))
        .containsExactly(prefix + "/a", prefix + "/b", prefix + "/c", prefix + "/c/nested");
    assertThat(repositories(response)).isSorted();
  }

  @Test
  void pagesWithNAndLastFollowingLinks() {
    HttpResponse<byte[]> first = registry.get("/v2/_catalog?n=2&last=" + encode(prefix));

    assertThat(repositories(first)).containsExactly(prefix + "/a", prefix + "/b");
    assertThat(first.headers().firstValue("Link")).hasValue(
        "</v2/_catalog?n=2&last=" + encode(prefix + "/b") + ">; rel=\"next\"");
    HttpResponse<byte[]> second = registry.get(next(first));
    assertThat(repositories(second)).startsWith(prefix + "/c", prefix + "/c/nested");
  }

  @Test
  void answersZeroPageSizeWithEmptyListAndNoLink() {
    HttpResponse<byte[]> response = registry.get("/v2/_catalog?n=0");

    assertThat(repositories(response)).isEmpty();
    assertThat(response.headers().firstValue("Link")).isEmpty();
  }

  @Test
  void refusesNegativePageSize() {
    assertError(registry.get("/v2/_catalog?n=-5"), 400, "UNSUPPORTED");
  }

  private static List<String> repositories(HttpResponse<byte[]> response) {
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode repositories = OciJson.mapper().readTree(response.body()).get("repositories");
    return repositories.valueStream().map(JsonNode::asString).toList();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String next(HttpResponse<byte[]> response) {
    String link = response.headers().firstValue("Link").orElseThrow();
    return link.substring(link.indexOf('<') + 1, link.indexOf('>'));
  }
}
