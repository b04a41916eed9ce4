package dev.berth.image.push;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.image.AbstractImageServiceIT;
import dev.berth.image.PeerTest;
import dev.berth.oci.Digest;
import dev.berth.oci.OciJson;
import dev.berth.testsupport.Commands;
import dev.berth.testsupport.DistributionRegistry;
import dev.berth.testsupport.RegistryPeer;
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
 * Pushes to each peer registry (CNCF distribution and registry-service) an image pulled from a
 * separate source registry, so that its layers are new to the peer at first.
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

  @PeerTest
  void pushesAPulledImageUnderAnotherNameWithTheSameManifestDigest(RegistryPeer peer) throws Exception {
    String target = peer.address() + "/library/pushed:v1";
    String manifestDigest = pullAndTag(target);

    List<JsonNode> progress = push(target);

    assertThat(progress.getFirst().get("status").asString()).isEqualTo("PUSH_REFERS_TO");
    assertThat(progress.getFirst().get("detail").asString()).isEqualTo(peer.address() + "/library/pushed");
    assertThat(statuses(progress, "PREPARING")).hasSize(2);
    assertThat(statuses(progress, "PUSHED")).hasSize(2);
    JsonNode last = progress.getLast();
    assertThat(last.get("status").asString()).isEqualTo("PUSH_DIGEST");
    assertThat(last.get("id").asString()).isEqualTo("v1");
    assertThat(last.get("detail").asString()).isEqualTo(manifestDigest);
    String raw = Commands.run("skopeo", "inspect", "--raw", "--tls-verify=false",
        "docker://" + target);
    assertThat(Digest.sha256(raw.getBytes(StandardCharsets.UTF_8)).toString()).isEqualTo(manifestDigest);
    assertThat(last.get("total").asLong()).isEqualTo(raw.getBytes(StandardCharsets.UTF_8).length);
    assertThat(inspect(target).get("repoDigests").toString()).contains("pushed@" + manifestDigest);
  }

  @PeerTest
  void reportsLayersTheRepositoryAlreadyHasInsteadOfSendingThemAgain(RegistryPeer peer) throws Exception {
    String target = peer.address() + "/library/again:v1";
    pullAndTag(target);
    push(target);

    List<JsonNode> progress = push(target);

    assertThat(statuses(progress, "LAYER_ALREADY_EXISTS")).hasSize(2);
    assertThat(statuses(progress, "PUSHING")).isEmpty();
    assertThat(progress.getLast().get("status").asString()).isEqualTo("PUSH_DIGEST");
  }

  @PeerTest
  void mountsLayersFromAnotherRepositoryOfTheSameRegistry(RegistryPeer peer) throws Exception {
    String first = peer.address() + "/library/mount-source:v1";
    String mounted = peer.address() + "/team/mounted:v1";
    String manifestDigest = pullAndTag(first);
    push(first);
    tag(origin, mounted);

    List<JsonNode> progress = push(mounted);

    assertThat(statuses(progress, "MOUNTED_FROM")).hasSize(2)
        .allSatisfy(event -> assertThat(event.get("detail").asString()).startsWith("library/"));
    assertThat(statuses(progress, "PUSHED")).isEmpty();
    assertThat(progress.getLast().get("detail").asString()).isEqualTo(manifestDigest);
    String raw = Commands.run("skopeo", "inspect", "--raw", "--tls-verify=false",
        "docker://" + mounted);
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
