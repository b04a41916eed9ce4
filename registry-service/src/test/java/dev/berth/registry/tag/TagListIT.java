package dev.berth.registry.tag;

import static dev.berth.registry.TestContent.randomBytes;
import static dev.berth.registry.TestContent.repository;
import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.oci.MediaTypes;
import dev.berth.oci.OciJson;
import dev.berth.registry.AbstractRegistryIT;
import dev.berth.registry.RegistryClient.Image;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TagListIT extends AbstractRegistryIT {

  private final String name = repository("tags/list");

  @BeforeEach
  void pushTags() {
    Image image = registry.pushImage(name, "latest");
    for (String tag : List.of("v2", "V1", "1.0", "v10", "a_b", "v1")) {
      registry.pushManifest(name, tag, MediaTypes.OCI_MANIFEST, image.manifest());
    }
  }

  @Test
  void listsAllTagsInLexicalOrder() {
    HttpResponse<byte[]> response = registry.get("/v2/" + name + "/tags/list", "Accept", "application/json");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    JsonNode body = OciJson.mapper().readTree(response.body());
    assertThat(body.get("name").asString()).isEqualTo(name);
    assertThat(tags(response)).containsExactly("1.0", "V1", "a_b", "latest", "v1", "v10", "v2");
    assertThat(response.headers().firstValue("Link")).isEmpty();
  }

  @Test
  void pagesWithNAndExclusiveLastFollowingLinks() {
    HttpResponse<byte[]> first = registry.get("/v2/" + name + "/tags/list?n=3");

    assertThat(tags(first)).containsExactly("1.0", "V1", "a_b");
    assertThat(first.headers().firstValue("Link")).hasValue(
        "</v2/" + name + "/tags/list?n=3&last=a_b>; rel=\"next\"");
    HttpResponse<byte[]> second = registry.get(next(first));
    assertThat(tags(second)).containsExactly("latest", "v1", "v10");
    HttpResponse<byte[]> third = registry.get(next(second));
    assertThat(tags(third)).containsExactly("v2");
    assertThat(third.headers().firstValue("Link")).isEmpty();
  }

  @Test
  void startsAfterLastEvenWhenItIsNoTag() {
    assertThat(tags(registry.get("/v2/" + name + "/tags/list?last=v1"))).containsExactly("v10", "v2");
    assertThat(tags(registry.get("/v2/" + name + "/tags/list?last=m&n=2"))).containsExactly("v1", "v10");
    assertThat(tags(registry.get("/v2/" + name + "/tags/list?last=v2"))).isEmpty();
  }

  @Test
  void sendsNoLinkWhenPageEndsExactlyAtLastTag() {
    HttpResponse<byte[]> response = registry.get("/v2/" + name + "/tags/list?n=7");

    assertThat(tags(response)).hasSize(7);
    assertThat(response.headers().firstValue("Link")).isEmpty();
  }

  @Test
  void answersZeroPageSizeWithEmptyListAndNoLink() {
    HttpResponse<byte[]> response = registry.get("/v2/" + name + "/tags/list?n=0");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(tags(response)).isEmpty();
    assertThat(response.headers().firstValue("Link")).isEmpty();
  }

  @Test
  void refusesNegativeOrNonNumericPageSize() {
    assertError(registry.get("/v2/" + name + "/tags/list?n=-1"), 400, "UNSUPPORTED");
    assertError(registry.get("/v2/" + name + "/tags/list?n=many"), 400, "UNSUPPORTED");
  }

  @Test
  void listsNoTagsOfRepositoryHoldingOnlyBlobs() {
    String blobsOnly = repository("tags/blobs-only");
    registry.pushBlob(blobsOnly, randomBytes(10));

    HttpResponse<byte[]> response = registry.get("/v2/" + blobsOnly + "/tags/list");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(tags(response)).isEmpty();
  }

  @Test
  void answersUnknownRepositoryWithNameUnknown() {
    String unknown = repository("tags/unknown");

    var error = assertError(registry.get("/v2/" + unknown + "/tags/list"), 404, "NAME_UNKNOWN");
    assertThat(error.get("detail").get("name").asString()).isEqualTo(unknown);
  }

  private static List<String> tags(HttpResponse<byte[]> response) {
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode tags = OciJson.mapper().readTree(response.body()).get("tags");
    return tags.valueStream().map(JsonNode::asString).toList();
  }

  private static String next(HttpResponse<byte[]> response) {
    String link = response.headers().firstValue("Link").orElseThrow();
    return link.substring(link.indexOf('<') + 1, link.indexOf('>'));
  }
}
