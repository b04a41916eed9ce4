package dev.berth.e2e;

import static dev.berth.e2e.BusyboxLayout.FIRST;
import static dev.berth.e2e.BusyboxLayout.SECOND;
import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.testsupport.Commands;
import dev.berth.testsupport.ServiceJar;
import dev.berth.testsupport.ServiceProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * registry-service driven by skopeo as a user drives any registry: pushes and pulls of a
 * multi-layer umoci-built busybox image under multi-component repository names, OCI and Docker
 * schema 2 manifests kept byte for byte, tag listing, deletion, and copies between repositories.
 */
class RegistrySkopeoIT {

  private static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";

  @RegisterExtension
  static final ServiceProcess registry = ServiceProcess.of(ServiceJar.REGISTRY_SERVICE);

  @TempDir
  static Path work;

  private static Path source;

  @BeforeAll
  static void buildImage() throws IOException {
    source = BusyboxLayout.build(work);
  }

  @Test
  void pushesAndPullsAnOciImageWithByteIdenticalManifest() {
    String pushed = docker("team/app/bb:1");
    String pulled = "oci:" + work.resolve("pulled") + ":" + FIRST;

    Skopeo.copy(oci(FIRST), pushed);
    Skopeo.copy(pushed, pulled);

    Manifest original = Skopeo.rawManifest(oci(FIRST));
    assertThat(original.layerCount()).isEqualTo(3);
    assertThat(Skopeo.rawManifest(pushed).digest()).isEqualTo(original.digest());
    assertThat(Skopeo.rawManifest(pulled).digest()).isEqualTo(original.digest());
  }

  @Test
  void keepsADockerSchema2ManifestByteForByteThroughADirectoryCopy() throws IOException {
    String pushed = docker("team/app/docker:1");
    Path directory = work.resolve("schema2");
    String republished = docker("team/copies/docker:1");

    Skopeo.copy(oci(FIRST), pushed, "--format", "v2s2");
    Manifest manifest = Skopeo.rawManifest(pushed);
    Skopeo.copy(pushed, "dir:" + directory);
    Skopeo.copy("dir:" + directory, republished);

    assertThat(manifest.mediaType()).isEqualTo(DOCKER_MANIFEST);
    assertThat(new Manifest(Files.readAllBytes(directory.resolve("manifest.json"))).digest())
        .isEqualTo(manifest.digest());
    assertThat(Skopeo.rawManifest(republished).digest()).isEqualTo(manifest.digest());
  }

  @Test
  void listsEveryPushedTag() {
    Skopeo.copy(oci(FIRST), docker("team/app/tags:" + FIRST));
    Skopeo.copy(oci(SECOND), docker("team/app/tags:" + SECOND));

    assertThat(Skopeo.listTags(docker("team/app/tags"))).containsExactlyInAnyOrder(FIRST, SECOND);
  }

  @Test
  void forgetsADeletedTagAndKeepsTheOthers() {
    Skopeo.copy(oci(FIRST), docker("team/app/deleted:" + FIRST));
    Skopeo.copy(oci(SECOND), docker("team/app/deleted:" + SECOND));

    Skopeo.delete(docker("team/app/deleted:" + SECOND));

    assertThat(Skopeo.listTags(docker("team/app/deleted"))).containsExactly(FIRST);
    Commands.Result inspectDeleted = Skopeo.inspect(docker("team/app/deleted:" + SECOND));
    assertThat(inspectDeleted.succeeded()).as("skopeo inspect of the deleted tag; stderr: %s",
        inspectDeleted.stderr()).isFalse();
    assertThat(inspectDeleted.stderr()).contains("manifest unknown");
    Skopeo.inspect(docker("team/app/deleted:" + FIRST)).assertSucceeded();
  }

  @Test
  void copiesAnImageBetweenRepositoriesOfTheSameRegistry() {
    String original = docker("team/app/origin:1");
    String mirrored = docker("mirror/origin:1");
    String pulled = "oci:" + work.resolve("mirrored") + ":" + FIRST;

    Skopeo.copy(oci(FIRST), original);
    Skopeo.copy(original, mirrored);
    Skopeo.copy(mirrored, pulled);

    String digest = Skopeo.rawManifest(oci(FIRST)).digest();
    assertThat(Skopeo.rawManifest(mirrored).digest()).isEqualTo(digest);
    assertThat(Skopeo.rawManifest(pulled).digest()).isEqualTo(digest);
  }

  private static String oci(String tag) {
    return "oci:" + source + ":" + tag;
  }

  private static String docker(String reference) {
    return "docker://" + registry.address() + "/" + reference;
  }
}
