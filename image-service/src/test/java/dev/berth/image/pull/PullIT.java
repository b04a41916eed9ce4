package dev.berth.image.pull;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.oci.OciJson;
import dev.berth.testsupport.Commands;
import dev.berth.testsupport.HandmadeImages;
import dev.berth.testsupport.TestImages;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Pulls from a real CNCF distribution registry of images made by umoci and pushed by skopeo:
 * OCI and Docker schema2 manifests, a multi-platform OCI index, by tag and by digest.
 */
class PullIT extends AbstractPullIT {

  private static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";

  private static Path layout;

  @BeforeAll
  static void buildImages() throws Exception {
    layout = Files.createTempDirectory("berth-pull-it").resolve("layout");
    TestImages.busybox(layout, "smoke", "smoke " + UUID.randomUUID());
    TestImages.busybox(layout, "single", "single " + UUID.randomUUID());
    TestImages.busybox(layout, "v2s2", "schema2 " + UUID.randomUUID());
    TestImages.busybox(layout, "digest", "by digest " + UUID.randomUUID());
    TestImages.busybox(layout, "amd64", "amd64 " + UUID.randomUUID());
    TestImages.busybox(layout, "arm64", "arm64 " + UUID.randomUUID());
    Commands.run("umoci", "config", "--image", layout + ":arm64", "--architecture", "arm64");
    addIndex("multi", "amd64", "arm64");
  }

  @Test
  void pullsAnImageOfTheDefaultRegistryByItsShortName() throws Exception {
    TestImages.push(layout, "smoke", REGISTRY.address(), "library/smoke");

    Pull pull = pull("smoke:smoke");

    assertThat(pull.status()).isEqualTo(200);
    assertThat(pull.lines().getFirst()).contains("\"PULLING_FROM\"", "\"detail\":\"smoke\"");
    assertThat(pull.last()).contains("DOWNLOADED_NEWER_IMAGE", "smoke:smoke");
    String wholeImage = pull.lines().stream().filter(line -> line.contains("\"IMAGE_TRANSFER\"")).toList().getLast();
    assertThat(wholeImage).matches(".*\"current\":(\\d+),\"total\":\\1\\b.*");
    assertThat(inspect("smoke:smoke").get("repoTags").toString()).isEqualTo("[\"smoke:smoke\"]");
  }

  @Test
  void storesEveryBlobOfASinglePlatformOciImageAsTheRegistryServedIt() throws Exception {
    TestImages.push(layout, "single", REGISTRY.address(), "pulls/oci");
    JsonNode manifest = layoutManifest("single");

    pullSuccessfully("pulls/oci:single");

    JsonNode image = inspect("pulls/oci:single");
    assertThat(image.get("id").asString()).isEqualTo(manifest.get("config").get("digest").asString());
    assertThat(image.get("manifestMediaType").asString()).isEqualTo(HandmadeImages.OCI_MANIFEST);
    assertThat(image.get("architecture").asString()).isEqualTo("amd64");
    assertThat(image.get("size").asLong()).isGreaterThan(Files.size(Path.of("/bin/busybox")));
    List<String> blobDigests = new ArrayList<>();
    blobDigests.add(manifest.get("config").get("digest").asString());
    manifest.get("layers").forEach(layer -> blobDigests.add(layer.get("digest").asString()));
    assertThat(blobDigests).hasSize(3);
    for (String digest : blobDigests) {
      assertThat(storedBlob(digest)).isEqualTo(Files.readAllBytes(layoutBlob(digest)));
    }
    JsonNode config = OciJson.mapper().readTree(layoutBlob(blobDigests.getFirst()).toFile());
    assertThat(image.get("layers")).isEqualTo(config.get("rootfs").get("diff_ids"));
  }

  @Test
  void pullsADockerSchema2Image() throws Exception {
    TestImages.push(layout, "v2s2", REGISTRY.address(), "pulls/docker", "--format", "v2s2");

    pullSuccessfully("pulls/docker:v2s2");

    JsonNode image = inspect("pulls/docker:v2s2");
    assertThat(image.get("manifestMediaType").asString())
        .isEqualTo("application/vnd.docker.distribution.manifest.v2+json");
    assertThat(image.get("layers")).hasSize(2);
    assertThat(storedBlob(image.get("manifestDigest").asString())).asString()
        .contains("application/vnd.docker.image.rootfs.diff.tar.gzip");
  }

  @Test
  void pullsByDigestAndRecordsTheRepositoryDigestWithoutATag() throws Exception {
    TestImages.push(layout, "digest", REGISTRY.address(), "pulls/digest");
    String digest = registryDigest("pulls/digest", "digest");

    pullSuccessfully("pulls/digest@" + digest);

    JsonNode image = inspect("pulls/digest@" + digest);
    assertThat(image.get("repoDigests").toString()).isEqualTo("[\"pulls/digest@" + digest + "\"]");
    assertThat(image.get("repoTags")).isEmpty();
    assertThat(image.get("manifestDigest").asString()).isEqualTo(digest);
  }

  @Test
  void pullsTheDefaultPlatformFromAMultiPlatformIndex() throws Exception {
    TestImages.push(layout, "multi", REGISTRY.address(), "pulls/multi", "--all");
    String index = registryDigest("pulls/multi", "multi");

    Pull pull = pullSuccessfully("pulls/multi:multi");

    JsonNode image = inspect("pulls/multi:multi");
    assertThat(image.get("architecture").asString()).isEqualTo("amd64");
    assertThat(image.get("id").asString()).isEqualTo(layoutManifest("amd64").get("config").get("digest").asString());
    assertThat(image.get("repoDigests").toString()).isEqualTo("[\"pulls/multi@" + index + "\"]");
    assertThat(pull.lines()).anySatisfy(line -> assertThat(line).contains("\"DIGEST\"", index));
  }

  @Test
  void pullsTheRequestedPlatformFromAMultiPlatformIndex() throws Exception {
    TestImages.push(layout, "multi", REGISTRY.address(), "pulls/multi-arm", "--all");

    Pull pull = pull("pulls/multi-arm:multi", "linux/arm64");

    assertThat(pull.succeeded()).as(pull.body()).isTrue();
    JsonNode image = inspect("pulls/multi-arm:multi");
    assertThat(image.get("architecture").asString()).isEqualTo("arm64");
    assertThat(image.get("id").asString()).isEqualTo(layoutManifest("arm64").get("config").get("digest").asString());
    assertThat(image.get("layers")).isEqualTo(layoutDiffIds("arm64")).isNotEqualTo(layoutDiffIds("amd64"));
  }

  @Test
  void refusesAPlatformTheIndexLacksAsNotFound() throws Exception {
    TestImages.push(layout, "multi", REGISTRY.address(), "pulls/multi-none", "--all");

    Pull pull = pull("pulls/multi-none:multi", "linux/s390x");

    assertThat(pull.status()).isEqualTo(404);
    assertThat(pull.body()).contains("no manifest for linux/s390x in index");
    assertThat(get("/api/v1/images/pulls/multi-none:multi").statusCode()).isEqualTo(404);
  }

  /** The diffIDs of the layout's image {@code tag}, from its config. */
  private static JsonNode layoutDiffIds(String tag) throws Exception {
    JsonNode config = OciJson.mapper().readTree(
        layoutBlob(layoutManifest(tag).get("config").get("digest").asString()).toFile());
    return config.get("rootfs").get("diff_ids");
  }

  /** The manifest digest the registry answers for {@code repository:tag}, asking for OCI content. */
  private String registryDigest(String repository, String tag) throws Exception {
    HttpResponse<Void> head = http.send(HttpRequest.newBuilder(
            URI.create("http://" + REGISTRY.address() + "/v2/" + repository + "/manifests/" + tag))
        .method("HEAD", HttpRequest.BodyPublishers.noBody())
        .header("Accept", HandmadeImages.OCI_MANIFEST + ", " + OCI_INDEX + ", "
            + "application/vnd.docker.distribution.manifest.v2+json").build(), HttpResponse.BodyHandlers.discarding());
    assertThat(head.statusCode()).isEqualTo(200);
    return head.headers().firstValue("Docker-Content-Digest").orElseThrow();
  }

  private static JsonNode layoutManifest(String tag) throws Exception {
    return OciJson.mapper().readTree(layoutBlob(layoutDescriptor(tag).get("digest").asString()).toFile());
  }

  private static JsonNode layoutDescriptor(String tag) throws Exception {
    for (JsonNode descriptor : OciJson.mapper().readTree(layout.resolve("index.json").toFile()).get("manifests")) {
      if (tag.equals(descriptor.path("annotations").path("org.opencontainers.image.ref.name").asString(null))) {
        return descriptor;
      }
    }
    throw new IllegalStateException("no tag " + tag + " in " + layout);
  }

  private static Path layoutBlob(String digest) {
    return layout.resolve("blobs/sha256").resolve(digest.substring("sha256:".length()));
  }

  /** Adds to the layout an OCI index {@code tag} of its linux/amd64 and linux/arm64 images. */
  private static void addIndex(String tag, String amd64, String arm64) throws Exception {
    ObjectNode index = OciJson.mapper().createObjectNode().put("schemaVersion", 2).put("mediaType", OCI_INDEX);
    ArrayNode manifests = index.putArray("manifests");
    for (String platformTag : List.of(amd64, arm64)) {
      ObjectNode entry = OciJson.mapper().createObjectNode()
          .put("mediaType", HandmadeImages.OCI_MANIFEST)
          .put("digest", layoutDescriptor(platformTag).get("digest").asString())
          .put("size", layoutDescriptor(platformTag).get("size").asLong());
      entry.putObject("platform").put("architecture", platformTag).put("os", "linux");
      manifests.add(entry);
    }
    byte[] bytes = OciJson.mapper().writeValueAsBytes(index);
    String digest = HandmadeImages.sha256(bytes);
    Files.write(layoutBlob(digest), bytes);
    ObjectNode layoutIndex = (ObjectNode) OciJson.mapper().readTree(layout.resolve("index.json").toFile());
    ObjectNode entry = ((ArrayNode) layoutIndex.get("manifests")).addObject()
        .put("mediaType", OCI_INDEX).put("digest", digest).put("size", bytes.length);
    entry.putObject("annotations").put("org.opencontainers.image.ref.name", tag);
    Files.write(layout.resolve("index.json"), OciJson.mapper().writeValueAsBytes(layoutIndex));
  }
}
