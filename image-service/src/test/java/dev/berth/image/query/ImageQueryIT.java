package dev.berth.image.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.image.AbstractImageServiceIT;
import dev.berth.oci.OciJson;
import dev.berth.testsupport.Commands;
import dev.berth.testsupport.TestImages;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * Filters, history and disk usage over three images: {@code query/base:v1}, {@code query/labelled:v1}
 * (base's layers with a label added) and one left dangling when {@code query/dangling:v1} moved to base.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImageQueryIT extends AbstractImageServiceIT {

  private String dangling;
  private String base;
  private String labelled;

  @BeforeAll
  void storeImages() throws Exception {
    Path layout = TestImages.busybox(Files.createTempDirectory("query-layout"), "old", "query old");
    TestImages.busybox(layout, "base", "query base");
    Commands.run("umoci", "config", "--image", layout + ":base", "--tag", "labelled",
        "--config.label", "com.example.team=query", "--created", "2030-01-01T00:00:00Z");
    TestImages.push(layout, "old", REGISTRY.address(), "query/dangling");
    TestImages.push(layout, "base", REGISTRY.address(), "query/base");
    TestImages.push(layout, "labelled", REGISTRY.address(), "query/labelled");
    dangling = pull("query/dangling:old");
    base = pull("query/base:base");
    labelled = pull("query/labelled:labelled");
    post("/api/v1/images/tag?source=query/dangling:old&target=query/moved:v1");
    delete("query/dangling:old");
    post("/api/v1/images/tag?source=query/base:base&target=query/moved:v1");
  }

  @Test
  void narrowsTheListToReferencesMatchingAGlobAndListsOnlyThoseReferences() throws Exception {
    JsonNode byName = list("reference=query/base");
    JsonNode byGlob = list("reference=" + encode("query/l*:lab?lled"));

    assertThat(ids(byName)).containsExactly(base);
    assertThat(byName.get(0).get("repoTags").toString()).isEqualTo("[\"query/base:base\"]");
    assertThat(ids(byGlob)).containsExactly(labelled);
    assertThat(ids(list("reference=" + encode("query/*")))).contains(base, labelled);
    assertThat(ids(list("reference=" + encode("*")))).doesNotContain(base, labelled);
  }

  @Test
  void tellsDanglingImagesFromTaggedOnes() throws Exception {
    JsonNode danglingOnly = list("dangling=true");
    JsonNode taggedOnly = list("dangling=false");

    assertThat(ids(danglingOnly)).contains(dangling).doesNotContain(base, labelled);
    danglingOnly.forEach(image -> assertThat(image.get("repoTags").isEmpty()).isTrue());
    assertThat(ids(taggedOnly)).contains(base, labelled).doesNotContain(dangling);
  }

  @Test
  void filtersByConfigLabelsByKeyOrByKeyAndValue() throws Exception {
    assertThat(ids(list("label=com.example.team"))).containsExactly(labelled);
    assertThat(ids(list("label=" + encode("com.example.team=query")))).containsExactly(labelled);
    assertThat(ids(list("label=" + encode("com.example.team=other")))).isEmpty();
    assertThat(ids(list("label=com.example.team&reference=query/base"))).isEmpty();
  }

  @Test
  void listsImagesCreatedBeforeOrSinceAnother() throws Exception {
    assertThat(ids(list("before=query/labelled:labelled"))).contains(dangling, base).doesNotContain(labelled);
    assertThat(ids(list("since=query/base:base"))).contains(labelled).doesNotContain(dangling, base);
    assertThat(ids(list("since=query/base:base&before=query/labelled:labelled"))).isEmpty();
  }

  @Test
  void refusesAMalformedReferencePatternAndAnUnknownImage() throws Exception {
    assertThat(get("/api/v1/images?reference=" + encode("query/[")).statusCode()).isEqualTo(400);
    assertThat(get("/api/v1/images?before=query/none:v1").statusCode()).isEqualTo(404);
  }

  @Test
  void showsTheHistoryNewestFirstWithLayerSizesAndTheImageIdOnTop() throws Exception {
    JsonNode image = json(get("/api/v1/images/query/labelled:labelled"));
    JsonNode history = json(get("/api/v1/images/history?name=query/labelled:labelled"));
    JsonNode steps = image.get("config").get("history");

    assertThat(history.size()).isEqualTo(steps.size()).isGreaterThanOrEqualTo(3);
    assertThat(history.get(0).get("id").asString()).isEqualTo(labelled);
    assertThat(history.get(0).get("tags").toString()).isEqualTo("[\"query/labelled:labelled\"]");
    long total = 0;
    for (int row = 0; row < history.size(); row++) {
      JsonNode entry = history.get(row);
      JsonNode step = steps.get(steps.size() - 1 - row);
      assertThat(entry.get("createdBy").asString()).isEqualTo(step.get("created_by").asString());
      if (row > 0) {
        assertThat(entry.get("id").asString()).isEqualTo("<missing>");
      }
      if (step.has("empty_layer") && step.get("empty_layer").asBoolean()) {
        assertThat(entry.get("size").asLong()).isZero();
      } else {
        assertThat(entry.get("size").asLong()).isPositive();
      }
      total += entry.get("size").asLong();
    }
    assertThat(total).isEqualTo(image.get("size").asLong());
  }

  @Test
  void reportsSharedUniqueAndReclaimableBytes() throws Exception {
    JsonNode usage = json(get("/api/v1/images/disk-usage"));
    JsonNode labelledUsage = usageOf(usage, labelled);
    JsonNode baseUsage = usageOf(usage, base);
    JsonNode danglingUsage = usageOf(usage, dangling);
    JsonNode image = json(get("/api/v1/images/query/labelled:labelled"));
    long ownBlobs = blobSize(labelled) + blobSize(image.get("manifestDigest").asString());

    assertThat(labelledUsage.get("uniqueSize").asLong()).isEqualTo(ownBlobs);
    assertThat(labelledUsage.get("sharedSize").asLong()).isPositive()
        .isEqualTo(labelledUsage.get("size").asLong() - ownBlobs)
        .isEqualTo(baseUsage.get("sharedSize").asLong());
    assertThat(labelledUsage.get("repoTags").toString()).isEqualTo("[\"query/labelled:labelled\"]");
    assertThat(danglingUsage.get("repoTags").isEmpty()).isTrue();
    assertThat(usage.get("reclaimableBytes").asLong()).isGreaterThanOrEqualTo(danglingUsage.get("uniqueSize").asLong())
        .isPositive()
        .isLessThan(usage.get("totalBlobBytes").asLong());
  }

  private static JsonNode usageOf(JsonNode usage, String id) {
    for (JsonNode image : usage.get("images")) {
      if (image.get("id").asString().equals(id)) {
        return image;
      }
    }
    throw new AssertionError(id + " not in " + usage);
  }

  private long blobSize(String digest) throws Exception {
    return http.send(HttpRequest.newBuilder(uri("/api/v1/blobs/" + digest)).build(),
        HttpResponse.BodyHandlers.ofByteArray()).body().length;
  }

  private JsonNode list(String query) throws Exception {
    HttpResponse<String> response = get("/api/v1/images?" + query);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response);
  }

  private static List<String> ids(JsonNode images) {
    List<String> ids = new ArrayList<>();
    images.forEach(image -> ids.add(image.get("id").asString()));
    return ids;
  }

  private String pull(String name) throws Exception {
    HttpResponse<String> pull = http.send(HttpRequest.newBuilder(uri("/api/v1/images/pull?reference=" + name))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(pull.body()).contains("DOWNLOADED_NEWER_IMAGE");
    return json(get("/api/v1/images/" + name)).get("id").asString();
  }

  private void post(String path) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
  }

  private void delete(String name) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/v1/images/" + name)).DELETE().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) {
    return OciJson.mapper().readTree(response.body());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
