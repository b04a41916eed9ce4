package dev.berth.image.push;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.image.AbstractImageServiceIT;
import dev.berth.oci.Digest;
import dev.berth.oci.OciJson;
import dev.berth.testsupport.Commands;
import dev.berth.testsupport.DistributionRegistry;
import dev.berth.testsupport.TestImages;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Pushes to the default registry an image pulled from a second registry, so that its layers are
 * new to the default one at first.
 */
class PushIT extends AbstractImageServiceIT {

  private static DistributionRegistry source;
  private static String origin;

  @BeforeAll
  static void startSourceRegistry() throws Exception {
    source = DistributionRegistry.start();
    origin = source.address() + "/team/origin:latest";
    TestImages.push(TestImages.busybox(Files.createTempDirectory("layout"), "latest", "pushed around"), "latest",
        source.address(), "team/origin");
  }

  @AfterAll
  static void stopSourceRegistry() {
    if (source != null) {
      source.close();
    }
  }

  @Test
  void pushesAPulledImageUnderAnotherNameWithTheSameManifestDigest() throws Exception {
    String manifestDigest = pullAndTag("pushed:v1");

    List<JsonNode> progress = push("pushed:v1");

    assertThat(progress.getFirst().get("status").asString()).isEqualTo("PUSH_REFERS_TO");
    assertThat(progress.getFirst().get("detail").asString()).isEqualTo(REGISTRY.address() + "/library/pushed");
    assertThat(statuses(progress, "PREPARING")).hasSize(2);
    assertThat(statuses(progress, "PUSHED")).hasSize(2);
    JsonNode last = progress.getLast();
    assertThat(last.get("status").asString()).isEqualTo("PUSH_DIGEST");
    assertThat(last.get("id").asString()).isEqualTo("v1");
    assertThat(last.get("detail").asString()).isEqualTo(manifestDigest);
    String raw = Commands.run("skopeo", "inspect", "--raw", "--tls-verify=false",
        "docker://" + REGISTRY.address() + "/library/pushed:v1");
    assertThat(Digest.sha256(raw.getBytes(StandardCharsets.UTF_8)).toString()).isEqualTo(manifestDigest);
    assertThat(last.get("total").asLong()).isEqualTo(raw.getBytes(StandardCharsets.UTF_8).length);
    assertThat(inspect("pushed:v1").get("repoDigests").toString()).contains("pushed@" + manifestDigest);
  }

  @Test
  void reportsLayersTheRepositoryAlreadyHasInsteadOfSendingThemAgain() throws Exception {
    pullAndTag("again:v1");
    push("again:v1");

    List<JsonNode> progress = push("again:v1");

    assertThat(statuses(progress, "LAYER_ALREADY_EXISTS")).hasSize(2);
    assertThat(statuses(progress, "PUSHING")).isEmpty();
    assertThat(progress.getLast().get("status").asString()).isEqualTo("PUSH_DIGEST");
  }

  @Test
  void mountsLayersFromAnotherRepositoryOfTheSameRegistry() throws Exception {
    String manifestDigest = pullAndTag("mount-source:v1");
    push("mount-source:v1");
    tag(origin, "team/mounted:v1");

    List<JsonNode> progress = push("team/mounted:v1");

    List<JsonNode> mounted = statuses(progress, "MOUNTED_FROM");
    assertThat(mounted).hasSize(2)
        .allSatisfy(event -> assertThat(event.get("detail").asString()).startsWith("library/"));
    assertThat(statuses(progress, "PUSHED")).isEmpty();
    assertThat(progress.getLast().get("detail").asString()).isEqualTo(manifestDigest);
    String raw = Commands.run("skopeo", "inspect", "--raw", "--tls-verify=false",
        "docker://" + REGISTRY.address() + "/team/mounted:v1");
    assertThat(Digest.sha256(raw.getBytes(StandardCharsets.UTF_8)).toString()).isEqualTo(manifestDigest);
  }

  @Test
  void answersNotFoundForAnImageNotStoredUnderThatTag() throws Exception {
    HttpResponse<String> response = post("/api/v1/images/push?reference=nothere:v9");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
        assertThat(type).startsWith("application/problem+json"));
    assertThat(response.body()).contains("An image does not exist locally with the tag: nothere:v9");
  }

  /** Pulls the origin image, tags it {@code target}, and returns its manifest digest. */
  private String pullAndTag(String target) throws Exception {
    HttpResponse<String> pull = post("/api/v1/images/pull?reference=" + encode(origin));
    assertThat(pull.statusCode()).isEqualTo(200);
    tag(origin, target);
    return inspect(target).get("manifestDigest").asString();
  }

  private void tag(String source, String target) throws Exception {
    assertThat(post("/api/v1/images/tag?source=" + encode(source) + "&target=" + encode(target)).statusCode())
        .isEqualTo(201);
  }

  private List<JsonNode> push(String reference) throws Exception {
    HttpResponse<String> response = post("/api/v1/images/push?reference=" + encode(reference));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-ndjson;charset=UTF-8");
    List<JsonNode> events = response.body().lines().map(line -> OciJson.mapper().readTree(line)).toList();
    assertThat(events.getLast().has("error")).as(response.body()).isFalse();
    return events;
  }

  private JsonNode inspect(String name) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/v1/images/" + name)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return OciJson.mapper().readTree(response.body());
  }

  private HttpResponse<String> post(String pathAndQuery) throws Exception {
    return http.send(HttpRequest.newBuilder(uri(pathAndQuery)).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static List<JsonNode> statuses(List<JsonNode> events, String status) {
    return events.stream().filter(event -> status.equals(event.get("status").asString())).toList();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
