package dev.berth.image.pull;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.image.PeerTest;
import dev.berth.oci.OciJson;
import dev.berth.testsupport.Commands;
import dev.berth.testsupport.HandmadeImages;
import dev.berth.testsupport.RegistryPeer;
import dev.berth.testsupport.TestImages;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Pulls from real registries — CNCF distribution and registry-service — of images made by umoci
 * and pushed by skopeo: OCI and Docker schema2 manifests, a multi-platform OCI index, by tag and by
 * digest.
 */
class PullIT extends AbstractPullIT {

  private static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";

  /**
   * An OCI layout per peer, built on first use: each peer's images are its own, so nothing another
   * peer served is already stored when it is pulled (but for busybox's layer, which they all share).
   */
  private static final Map<RegistryPeer, Path> LAYOUTS = new ConcurrentHashMap<>();

  private static Path layout(RegistryPeer peer) {
    return LAYOUTS.computeIfAbsent(peer, PullIT::buildImages);
  }

  private static Path buildImages(RegistryPeer peer) {
    try {
      Path layout = Files.createTempDirectory("berth-pull-it").resolve("layout");
      for (String tag : List.of("smoke", "single", "v2s2", "digest", "amd64", "arm64")) {
        TestImages.busybox(layout, tag, tag + " from " + peer + " " + UUID.randomUUID());
      }
      Commands.run("umoci", "config", "--image", layout + ":arm64", "--architecture", "arm64");
      addIndex(layout, "multi", "amd64", "arm64");
      return layout;
    } catch (Exception e) {
      throw new IllegalStateException("cannot build the images for " + peer, e);
    }
  }

  @Test
  void pullsAnImageOfTheDefaultRegistryByItsShortName() throws Exception {
    TestImages.push(layout(REGISTRY), "smoke", REGISTRY.address(), "library/smoke");

    Pull pull = pull("smoke:smoke");

    assertThat(pull.status()).isEqualTo(200);
    assertThat(pull.lines().getFirst()).contains("\"PULLING_FROM\"", "\"detail\":\"smoke\"");
    assertThat(pull.last()).contains("DOWNLOADED_NEWER_IMAGE", "smoke:smoke");
    String wholeImage = pull.lines().stream().filter(line -> line.contains("\"IMAGE_TRANSFER\"")).toList().getLast();
    assertThat(wholeImage).matches(".*\"current\":(\\d+),\"total\":\\1\\b.*");
    assertThat(inspect("smoke:smoke").get("repoTags").toString()).isEqualTo("[\"smoke:smoke\"]");
  }

  @PeerTest
  void storesEveryBlobOfASinglePlatformOciImageAsTheRegistryServedIt(RegistryPeer peer) throws Exception {
    Path layout = layout(peer);
    TestImages.push(layout, "single", peer.address(), "pulls/oci");
    JsonNode manifest = layoutManifest(layout, "single");
    String name = peer.address() + "/pulls/oci:single";

    pullSuccessfully(name);

    JsonNode image = inspect(name);
    assertThat(image.get("id").asString()).isEqualTo(manifest.get("config").get("digest").asString());
    assertThat(image.get("manifestMediaType").asString()).isEqualTo(HandmadeImages.OCI_MANIFEST);
    assertThat(image.get("architecture").asString()).isEqualTo("amd64");
    assertThat(image.get("size").asLong()).isGreaterThan(Files.size(Path.of("/bin/busybox")));
    List<String> blobDigests = new ArrayList<>();
    blobDigests.add(manifest.get("config").get("digest").asString());
    manifest.get("layers").forEach(layer -> blobDigests.add(layer.get("digest").asString()));
    assertThat(blobDigests).hasSize(3);
    for (String digest : blobDigests) {
      assertThat(storedBlob(digest)).isEqualTo(Files.readAllBytes(layoutBlob(layout, digest)));
    }
    JsonNode config = OciJson.mapper().readTree(layoutBlob(layout, blobDigests.getFirst()).toFile());
    assertThat(image.get("layers")).isEqualTo(config.get("rootfs").get("diff_ids"));
  }

  @PeerTest
  void pullsADockerSchema2Image(RegistryPeer peer) throws Exception {
    TestImages.push(layout(peer), "v2s2", peer.address(), "pulls/docker", "--format", "v2s2");
    String name = peer.address() + "/pulls/docker:v2s2";

    pullSuccessfully(name);

    JsonNode image = inspect(name);
    assertThat(image.get("manifestMediaType").asString())
        .isEqualTo("application/vnd.docker.distribution.manifest.v2+json");
    assertThat(image.get("layers")).hasSize(2);
    assertThat(storedBlob(image.get("manifestDigest").asString())).asString()
        .contains("application/vnd.docker.image.rootfs.diff.tar.gzip");
  }

  @PeerTest
  void pullsByDigestAndRecordsTheRepositoryDigestWithoutATag(RegistryPeer peer) throws Exception {
    TestImages.push(layout(peer), "digest", peer.address(), "pulls/digest");
    String digest = registryDigest(peer, "pulls/digest", "digest");
    String repository = peer.address() + "/pulls/digest";

    pullSuccessfully(repository + "@" + digest);

    JsonNode image = inspect(repository + "@" + digest);
    assertThat(image.get("repoDigests").toString())
        .isEqualTo("[\"" + familiarName(peer, "pulls/digest") + "@" + digest + "\"]");
    assertThat(image.get("repoTags")).isEmpty();
    assertThat(image.get("manifestDigest").asString()).isEqualTo(digest);
  }

  @PeerTest
  void pullsTheDefaultPlatformFromAMultiPlatformIndex(RegistryPeer peer) throws Exception {
    Path layout = layout(peer);
    TestImages.push(layout, "multi", peer.address(), "pulls/multi", "--all");
    String index = registryDigest(peer, "pulls/multi", "multi");
    String repository = peer.address() + "/pulls/multi";

    Pull pull = pullSuccessfully(repository + ":multi");

    JsonNode image = inspect(repository + ":multi");
    assertThat(image.get("architecture").asString()).isEqualTo("amd64");
    assertThat(image.get("id").asString())
        .isEqualTo(layoutManifest(layout, "amd64").get("config").get("digest").asString());
    assertThat(image.get("repoDigests").toString())
        .isEqualTo("[\"" + familiarName(peer, "pulls/multi") + "@" + index + "\"]");
    assertThat(pull.lines()).anySatisfy(line -> assertThat(line).contains("\"DIGEST\"", index));
  }

  @PeerTest
  void pullsTheRequestedPlatformFromAMultiPlatformIndex(RegistryPeer peer) throws Exception {
    Path layout = layout(peer);
    TestImages.push(layout, "multi", peer.address(), "pulls/multi-arm", "--all");
    String name = peer.address() + "/pulls/multi-arm:multi";

    Pull pull = pull(name, "linux/arm64");

    assertThat(pull.succeeded()).as(pull.body()).isTrue();
    JsonNode image = inspect(name);
    assertThat(image.get("architecture").asString()).isEqualTo("arm64");
    assertThat(image.get("id").asString())
        .isEqualTo(layoutManifest(layout, "arm64").get("config").get("digest").asString());
    assertThat(image.get("layers")).isEqualTo(layoutDiffIds(layout, "arm64"))
        .isNotEqualTo(layoutDiffIds(layout, "amd64"));
  }

  @PeerTest
  void refusesAPlatformTheIndexLacksAsNotFound(RegistryPeer peer) throws Exception {
    TestImages.push(layout(peer), "multi", peer.address(), "pulls/multi-none", "--all");
    String name = peer.address() + "/pulls/multi-none:multi";

    Pull pull = pull(name, "linux/s390x");

    assertThat(pull.status()).isEqualTo(404);
    assertThat(pull.body()).contains("no manifest for linux/s390x in index");
    assertThat(get("/api/v1/images/" + name).statusCode()).isEqualTo(404);
  }

  /** The diffIDs of the layout's image {@code tag}, from its config. */
  private static JsonNode layoutDiffIds(Path layout, String tag) throws Exception {
    JsonNode config = OciJson.mapper().readTree(
        layoutBlob(layout, layoutManifest(layout, tag).get("config").get("digest").asString()).toFile());
    return config.get("rootfs").get("diff_ids");
  }

  /** The manifest digest {@code peer} answers for {@code repository:tag}, asking for OCI content. */
  private String registryDigest(RegistryPeer peer, String repository, String tag) throws Exception {
    HttpResponse<Void> head = http.send(HttpRequest.newBuilder(
            URI.create("http://" + peer.address() + "/v2/" + repository + "/manifests/" + tag))
        .method("HEAD", HttpRequest.BodyPublishers.noBody())
        .header("Accept", HandmadeImages.OCI_MANIFEST + ", " + OCI_INDEX + ", "
            + "application/vnd.docker.distribution.manifest.v2+json").build(), HttpResponse.BodyHandlers.discarding());
    assertThat(head.statusCode()).isEqualTo(200);
    return head.headers().firstValue("Docker-Content-Digest").orElseThrow();
  }

  private static JsonNode layoutManifest(Path layout, String tag) throws Exception {
    return OciJson.mapper().readTree(
        layoutBlob(layout, layoutDescriptor(layout, tag).get("digest").asString()).toFile());
  }

  private static JsonNode layoutDescriptor(Path layout, String tag) throws Exception {
    for (JsonNode descriptor : OciJson.mapper().readTree(layout.resolve("index.json").toFile()).get("manifests")) {
      if (tag.equals(descriptor.path("annotations").path("org.opencontainers.image.ref.name").asString(null))) {
        return descriptor;
      }
    }
    throw new IllegalStateException("no tag " + tag + " in " + layout);
  }

  private static Path layoutBlob(Path layout, String digest) {
    return layout.resolve("blobs/sha256").resolve(digest.substring("sha256:".length()));
  }

  /** Adds to the layout an OCI index {@code tag} of its linux/amd64 and linux/arm64 images. */
  private static void addIndex(Path layout, String tag, String amd64, String arm64) throws Exception {
    ObjectNode index = OciJson.mapper().createObjectNode().put("schemaVersion", 2).put("mediaType", OCI_INDEX);
    ArrayNode manifests = index.putArray("manifests");
    for (String platformTag : List.of(amd64, arm64)) {
      ObjectNode entry = OciJson.mapper().createObjectNode()
          .put("mediaType", HandmadeImages.OCI_MANIFEST)
          .put("digest", layoutDescriptor(layout, platformTag).get("digest").asString())
          .put("size", layoutDescriptor(layout, platformTag).get("size").asLong());
      entry.putObject("platform").put("architecture", platformTag).put("os", "linux");
      manifests.add(entry);
    }
    byte[] bytes = OciJson.mapper().writeValueAsBytes(index);
    String digest = HandmadeImages.sha256(bytes);
    Files.write(layoutBlob(layout, digest), bytes);
    ObjectNode layoutIndex = (ObjectNode) OciJson.mapper().readTree(layout.resolve("index.json").toFile());
    ObjectNode entry = ((ArrayNode) layoutIndex.get("manifests")).addObject()
        .put("mediaType", OCI_INDEX).put("digest", digest).put("size", bytes.length);
    entry.putObject("annotations").put("org.opencontainers.image.ref.name", tag);
    Files.write(layout.resolve("index.json"), OciJson.mapper().writeValueAsBytes(layoutIndex));
  }
}
