package dev.berth.e2e;

import static dev.berth.e2e.BusyboxLayout.FIRST;
import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.testsupport.ServiceJar;
import dev.berth.testsupport.ServiceProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * An image through image-service's whole lifecycle, with registry-service as its default
 * registry, both started from their jars: a umoci-built busybox pushed there with skopeo, pulled,
 * saved to an archive, removed, loaded back under the same ID, tagged and pushed again with the
 * same layers and config. The saved archive is one skopeo reads as a Docker archive and as an OCI
 * archive.
 */
class ImageLifecycleIT {

  private static final String ORIGINAL = "e2e/busybox:1";
  private static final String COPY = "e2e/copy:2";

  @RegisterExtension
  @Order(1)
  static final ServiceProcess registry = ServiceProcess.of(ServiceJar.REGISTRY_SERVICE);

  @RegisterExtension
  @Order(2)
  static final ServiceProcess imageService = ServiceProcess.of(ServiceJar.IMAGE_SERVICE)
      .withArguments(() -> List.of("--berth.image.default-registry=" + registry.address()));

  @TempDir
  static Path work;

  private static ImageApi images;
  private static Manifest original;

  @BeforeAll
  static void pushBusyboxToTheRegistry() throws IOException {
    Path layout = BusyboxLayout.build(work);
    Skopeo.copy("oci:" + layout + ":" + FIRST, docker(ORIGINAL));
    original = Skopeo.rawManifest(docker(ORIGINAL));
    images = new ImageApi(imageService);
  }

  @Test
  void keepsTheImageIdLayersAndConfigThroughSaveRemoveLoadAndPush() {
    String id = pulledImageId();
    Path archive = images.save(work.resolve("lifecycle.tar"), ORIGINAL);

    JsonNode removed = images.remove(ORIGINAL);
    assertThat(images.find(ORIGINAL)).as("%s after DELETE answered %s", ORIGINAL, removed).isEmpty();
    assertThat(images.ids()).as("local images after DELETE").doesNotContain(id);

    JsonNode loaded = images.load(archive);
    assertThat(loaded.toString()).as("load response").contains(id);
    assertThat(images.inspect(ORIGINAL).path("id").asString()).as("image ID of the loaded %s", ORIGINAL)
        .isEqualTo(id);

    images.tag(ORIGINAL, COPY);
    String pushedDigest = images.push(COPY);
    Manifest pushed = Skopeo.rawManifest(docker(COPY));
    assertThat(pushed.digest()).as("digest of the pushed manifest").isEqualTo(pushedDigest);
    assertThat(pushed.layerDigests()).as("layers of %s", COPY).isEqualTo(original.layerDigests());
    assertThat(pushed.configDigest()).as("config of %s", COPY).isEqualTo(original.configDigest());
  }

  @Test
  void savesAnArchiveSkopeoReadsAsADockerArchiveAndAsAnOciArchive() {
    String id = pulledImageId();
    List<String> diffIds = strings(images.inspect(ORIGINAL).path("layers"));
    Path archive = images.save(work.resolve("readable.tar"), ORIGINAL);
    String fromDockerArchive = "oci:" + work.resolve("from-docker-archive") + ":x";
    String fromOciArchive = "oci:" + work.resolve("from-oci-archive") + ":x";

    Skopeo.copy("docker-archive:" + archive, fromDockerArchive);
    Skopeo.copy("oci-archive:" + archive, fromOciArchive);

    // skopeo rewrites a Docker archive's config into OCI form, so only its diffIDs survive that copy
    assertThat(diffIds(fromDockerArchive)).as("diffIDs of %s", fromDockerArchive).isEqualTo(diffIds);
    assertThat(diffIds(fromOciArchive)).as("diffIDs of %s", fromOciArchive).isEqualTo(diffIds);
    assertThat(Skopeo.rawManifest(fromOciArchive).configDigest()).as("config of %s", fromOciArchive)
        .isEqualTo(id);
  }

  /** Pulls the original through image-service and returns its ID, checked to be its config's digest. */
  private static String pulledImageId() {
    images.pull(ORIGINAL);
    String id = images.inspect(ORIGINAL).path("id").asString();
    assertThat(id).as("image ID of the pulled %s", ORIGINAL).isEqualTo(original.configDigest());
    return id;
  }

  private static List<String> diffIds(String image) {
    return strings(Skopeo.config(image).path("rootfs").path("diff_ids"));
  }

  private static List<String> strings(JsonNode array) {
    return array.valueStream().map(JsonNode::asString).toList();
  }

  private static String docker(String reference) {
    return "docker://" + registry.address() + "/" + reference;
  }
}
