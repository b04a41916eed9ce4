package dev.berth.image.archive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.image.AbstractImageServiceIT;
import dev.berth.oci.OciJson;
import dev.berth.testsupport.Commands;
import dev.berth.testsupport.TestImages;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Save and load against images pulled from a real registry, and against skopeo as the other side. */
class ArchiveIT extends AbstractImageServiceIT {

  @TempDir
  Path dir;

  @Test
  void savesTwoImagesThatLoadBackWithTheirIdsTagsAndManifests() throws Exception {
    Path layout = TestImages.busybox(dir.resolve("layout"), "v1", "one");
    TestImages.busybox(layout, "v2", "two");
    TestImages.push(layout, "v1", REGISTRY.address(), "archive/one");
    TestImages.push(layout, "v2", REGISTRY.address(), "archive/two");
    pull("archive/one:v1");
    pull("archive/two:v2");
    JsonNode one = inspect("archive/one:v1");
    JsonNode two = inspect("archive/two:v2");

    Path saved = save("name=archive/one:v1&name=archive/two:v2");

    assertThat(entries(saved)).contains("oci-layout", "index.json", "manifest.json", "repositories",
        "blobs/sha256/" + hex(one.get("id").asString()), "blobs/sha256/" + hex(two.get("manifestDigest").asString()));
    JsonNode manifests = OciJson.mapper().readTree(read(saved, "manifest.json"));
    assertThat(manifests.get(0).get("RepoTags").get(0).asString()).isEqualTo("archive/one:v1");
    assertThat(manifests.get(1).get("Config").asString()).isEqualTo("blobs/sha256/" + hex(two.get("id").asString()));

    delete("archive/one:v1");
    delete("archive/two:v2");
    JsonNode loaded = load(saved);

    assertThat(loaded.get("images").get(0).get("id").asString()).isEqualTo(one.get("id").asString());
    assertThat(loaded.get("images").get(1).get("repoTags").get(0).asString()).isEqualTo("archive/two:v2");
    assertThat(loaded.get("messages").toString()).contains("Loaded image: archive/one:v1",
        "Loaded image: archive/two:v2");
    assertThat(inspect("archive/one:v1").get("manifestDigest")).isEqualTo(one.get("manifestDigest"));
    assertThat(inspect("archive/two:v2").get("id")).isEqualTo(two.get("id"));
    assertThat(inspect("archive/two:v2").get("size")).isEqualTo(two.get("size"));
  }

  @Test
  void savesAnArchiveSkopeoReadsAsOciLayoutAndAsDockerArchive() throws Exception {
    Path layout = TestImages.busybox(dir.resolve("layout"), "v3", "three");
    TestImages.push(layout, "v3", REGISTRY.address(), "archive/three");
    pull("archive/three:v3");
    String id = inspect("archive/three:v3").get("id").asString();
    Path saved = save("name=archive/three");

    Commands.run("skopeo", "copy", "-q", "oci-archive:" + saved + ":v3", "dir:" + dir.resolve("from-oci"));
    Commands.run("skopeo", "copy", "-q", "docker-archive:" + saved + ":archive/three:v3",
        "dir:" + dir.resolve("from-docker"));

    assertThat(configDigest("dir:" + dir.resolve("from-oci"))).isEqualTo(id);
    assertThat(configDigest("dir:" + dir.resolve("from-docker"))).isEqualTo(id);
  }

  @Test
  void loadsDockerAndOciArchivesWrittenBySkopeoUnderTheNamesTheyCarry() throws Exception {
    Path layout = TestImages.busybox(dir.resolve("layout"), "v4", "four");
    TestImages.push(layout, "v4", REGISTRY.address(), "archive/four");
    String source = "docker://" + REGISTRY.address() + "/archive/four:v4";
    String id = configDigest(source);
    Path dockerArchive = dir.resolve("docker.tar");
    Path ociArchive = dir.resolve("oci.tar");
    Commands.run("skopeo", "copy", "-q", "--src-tls-verify=false", source,
        "docker-archive:" + dockerArchive + ":skopeo/docker:v4");
    Commands.run("skopeo", "copy", "-q", "--src-tls-verify=false", source,
        "oci-archive:" + ociArchive + ":skopeo/oci:v4");

    // skopeo writes RepoTags fully qualified (docker.io/skopeo/docker:v4), dockerd familiar ones: the name is kept
    JsonNode fromDocker = load(dockerArchive);
    JsonNode loadedFromDocker = inspect("docker.io/skopeo/docker:v4");
    delete("docker.io/skopeo/docker:v4");
    JsonNode fromOci = load(ociArchive);

    assertThat(fromDocker.get("images").get(0).get("id").asString()).isEqualTo(id);
    assertThat(fromDocker.get("messages").get(0).asString()).isEqualTo("Loaded image: docker.io/skopeo/docker:v4");
    assertThat(loadedFromDocker.get("manifestMediaType").asString())
        .isEqualTo("application/vnd.oci.image.manifest.v1+json");
    assertThat(loadedFromDocker.get("size").asLong()).isPositive();
    assertThat(fromOci.get("images").get(0).get("id").asString()).isEqualTo(id);
    assertThat(fromOci.get("messages").get(0).asString()).isEqualTo("Loaded image: skopeo/oci:v4");
    assertThat(inspect("skopeo/oci:v4").get("layers")).isEqualTo(loadedFromDocker.get("layers"));
  }

  @Test
  void answersNotFoundForAnImageItCannotSave() throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/v1/images/save?name=archive/none:v1"))
        .build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("No such image: archive/none:v1");
  }

  private void pull(String name) throws Exception {
    HttpResponse<String> pull = http.send(HttpRequest.newBuilder(uri("/api/v1/images/pull?reference=" + name))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(pull.body()).contains("DOWNLOADED_NEWER_IMAGE");
  }

  private JsonNode inspect(String name) throws Exception {
    HttpResponse<String> inspect = http.send(HttpRequest.newBuilder(uri("/api/v1/images/" + name)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(inspect.statusCode()).as(inspect.body()).isEqualTo(200);
    return OciJson.mapper().readTree(inspect.body());
  }

  private void delete(String name) throws Exception {
    HttpResponse<String> delete = http.send(HttpRequest.newBuilder(uri("/api/v1/images/" + name)).DELETE().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(delete.statusCode()).as(delete.body()).isEqualTo(200);
  }

  private Path save(String query) throws Exception {
    Path file = Files.createTempFile(dir, "saved", ".tar");
    HttpResponse<Path> save = http.send(HttpRequest.newBuilder(uri("/api/v1/images/save?" + query)).build(),
        HttpResponse.BodyHandlers.ofFile(file));
    assertThat(save.statusCode()).isEqualTo(200);
    assertThat(save.headers().firstValue("Content-Type")).hasValue("application/x-tar");
    return file;
  }

  private JsonNode load(Path archive) throws Exception {
    HttpResponse<String> load = http.send(HttpRequest.newBuilder(uri("/api/v1/images/load"))
        .header("Content-Type", "application/x-tar").POST(HttpRequest.BodyPublishers.ofFile(archive)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(load.statusCode()).as(load.body()).isEqualTo(200);
    return OciJson.mapper().readTree(load.body());
  }

  private static String configDigest(String image) {
    return OciJson.mapper().readTree(Commands.run("skopeo", "inspect", "--raw", "--tls-verify=false", image))
        .get("config").get("digest").asString();
  }

  private static List<String> entries(Path tar) throws Exception {
    List<String> names = new ArrayList<>();
    try (InputStream in = Files.newInputStream(tar); TarArchiveInputStream entries = new TarArchiveInputStream(in)) {
      TarArchiveEntry entry;
      while ((entry = entries.getNextEntry()) != null) {
        names.add(entry.getName());
      }
    }
    return names;
  }

  private static byte[] read(Path tar, String name) throws Exception {
    try (InputStream in = Files.newInputStream(tar); TarArchiveInputStream entries = new TarArchiveInputStream(in)) {
      TarArchiveEntry entry;
      while ((entry = entries.getNextEntry()) != null) {
        if (entry.getName().equals(name)) {
          return entries.readAllBytes();
        }
      }
    }
    throw new AssertionError(name + " not in " + tar);
  }

  private static String hex(String digest) {
    return digest.substring("sha256:".length());
  }
}
