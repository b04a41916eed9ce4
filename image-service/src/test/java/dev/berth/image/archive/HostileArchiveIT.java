package dev.berth.image.archive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.image.AbstractImageServiceIT;
import dev.berth.image.store.BlobRepository;
import dev.berth.oci.Digest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Loads of archives that lie, each refused with a clear message and leaving nothing behind. */
class HostileArchiveIT extends AbstractImageServiceIT {

  @Autowired
  BlobRepository blobs;

  @Test
  void loadsTheHonestHandMadeImagesTheOtherTestsBreak() throws Exception {
    HandMadeImage oci = HandMadeImage.of("honest oci");
    HandMadeImage docker = HandMadeImage.of("honest docker");

    HttpResponse<String> fromLayout = load(TestArchives.tar(oci.ociLayout("hostile/honest:oci", oci.manifest())));
    HttpResponse<String> fromDocker = load(TestArchives.tar(docker.dockerArchive("hostile/honest:docker")));

    assertThat(fromLayout.statusCode()).as(fromLayout.body()).isEqualTo(200);
    assertThat(fromLayout.body()).contains(oci.configDigest.toString(), "Loaded image: hostile/honest:oci");
    assertThat(fromDocker.statusCode()).as(fromDocker.body()).isEqualTo(200);
    assertThat(fromDocker.body()).contains(docker.configDigest.toString(), "Loaded image: hostile/honest:docker");
  }

  @Test
  void refusesABlobWhoseContentDoesNotMatchItsDigest() {
    HandMadeImage image = HandMadeImage.of("bad digest");
    Map<String, Object> entries = image.ociLayout("hostile/bad-digest:v1", image.manifest());
    entries.put(HandMadeImage.blob(image.layerDigest), TestArchives.gzip("tampered".getBytes(StandardCharsets.UTF_8)));

    assertRefused(TestArchives.tar(entries), "blob " + image.layerDigest + " in the archive does not match its digest");
  }

  @Test
  void refusesADockerArchiveConfigThatIsNotWhatItsNameSays() {
    HandMadeImage image = HandMadeImage.of("bad config name");
    Map<String, Object> entries = image.dockerArchive("hostile/bad-config:v1");
    entries.put(image.configDigest.encoded() + ".json", new String(image.config, StandardCharsets.UTF_8) + " ");

    assertRefused(TestArchives.tar(entries), "does not match its digest");
  }

  @Test
  void refusesADescriptorWhoseSizeIsNotTheBlobs() {
    HandMadeImage image = HandMadeImage.of("wrong size");
    byte[] manifest = image.manifest(image.layerDigest, image.layer.length + 1, image.config.length);

    assertRefused(TestArchives.tar(image.ociLayout("hostile/wrong-size:v1", manifest)),
        "layer " + image.layerDigest + " has " + image.layer.length + " bytes but its descriptor says "
            + (image.layer.length + 1));
  }

  @Test
  void refusesAManifestThatRefersToABlobTheArchiveLacks() {
    HandMadeImage image = HandMadeImage.of("missing blob");
    Digest absent = Digest.sha256("absent".getBytes(StandardCharsets.UTF_8));

    assertRefused(TestArchives.tar(image.ociLayout("hostile/missing:v1", image.manifest(absent, 6,
        image.config.length))), "layer " + absent + " is not in the archive");
  }

  @Test
  void refusesAnAbsurdSizeInADescriptor() {
    HandMadeImage image = HandMadeImage.of("absurd size");

    assertRefused(TestArchives.tar(image.ociLayout("hostile/absurd:v1", image.manifest(image.layerDigest,
        image.layer.length, 1L << 60))), "declares 1152921504606846976 bytes, more than the limit");
  }

  @Test
  void refusesALayerThatDoesNotUnpackToTheConfigsDiffId() {
    HandMadeImage image = HandMadeImage.withWrongDiffId("diffid");

    assertRefused(TestArchives.tar(image.ociLayout("hostile/diffid:v1", image.manifest())),
        "unpacks to " + image.diffId + " but the image config says");
    assertRefused(TestArchives.tar(image.dockerArchive("hostile/diffid:v1")),
        "unpacks to " + image.diffId + " but the image config says");
  }

  @Test
  void refusesAnEntryThatClimbsOutOfTheArchive() {
    HandMadeImage image = HandMadeImage.of("climb");
    Map<String, Object> entries = image.ociLayout("hostile/climb:v1", image.manifest());
    entries.put("../../etc/cron.d/evil", "* * * * * root true");

    assertRefused(TestArchives.tar(entries), "archive entry ../../etc/cron.d/evil climbs out of the archive");
  }

  @Test
  void refusesAManifestJsonThatPointsAtALinkOrOutOfTheArchive() {
    HandMadeImage image = HandMadeImage.of("link");
    Map<String, Object> linked = image.dockerArchive("hostile/link:v1");
    linked.remove("0123abcd/layer.tar");
    linked.put("0123abcd/layer.tar", new TestArchives.Link("/etc/passwd"));
    Map<String, Object> climbing = image.dockerArchive("hostile/link:v1");
    climbing.put("manifest.json", "[{\"Config\":\"" + image.configDigest.encoded()
        + ".json\",\"RepoTags\":[\"hostile/link:v1\"],\"Layers\":[\"../0123abcd/layer.tar\"]}]");

    assertRefused(TestArchives.tar(linked), "a link to /etc/passwd; links are not followed");
    assertRefused(TestArchives.tar(climbing), "climbs out of the archive");
  }

  @Test
  void refusesSomethingThatIsNeitherLayout() {
    assertRefused(TestArchives.tar(Map.of("hello.txt", "hi")), "neither index.json");
  }

  private void assertRefused(byte[] archive, String message) {
    Snapshot before = snapshot();

    HttpResponse<String> response = load(archive);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.body()).contains(message);
    assertThat(snapshot()).isEqualTo(before);
  }

  private HttpResponse<String> load(byte[] archive) {
    try {
      return http.send(HttpRequest.newBuilder(uri("/api/v1/images/load")).header("Content-Type", "application/x-tar")
          .POST(HttpRequest.BodyPublishers.ofByteArray(archive)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Blob rows, committed blob files and spool files. */
  private record Snapshot(long blobRows, long blobFiles, long spoolFiles) {
  }

  private Snapshot snapshot() {
    return new Snapshot(blobs.count(), count(DATA_DIR.resolve("blobs"), ""), count(DATA_DIR.resolve("ingest"), "load-"));
  }

  private static long count(Path directory, String prefix) {
    try (Stream<Path> files = Files.walk(directory)) {
      return files.filter(Files::isRegularFile).filter(file -> file.getFileName().toString().startsWith(prefix)).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
