package dev.berth.registry.gc;

import static dev.berth.registry.TestContent.randomBytes;
import static dev.berth.registry.TestContent.repository;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.berth.oci.Descriptor;
import dev.berth.oci.Digest;
import dev.berth.oci.DigestAlgorithm;
import dev.berth.oci.MediaTypes;
import dev.berth.oci.OciJson;
import dev.berth.registry.AbstractRegistryIT;
import dev.berth.registry.RegistryClient.Image;
import dev.berth.registry.TestContent;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

class GarbageCollectionIT extends AbstractRegistryIT {

  private final String name = repository("gc");

  @Autowired
  private JdbcTemplate jdbc;

  @Autowired
  private DataSource dataSource;

  @Test
  void reclaimsBlobsNoManifestEverReferenced() {
    byte[] content = randomBytes(2048);
    Digest digest = registry.pushBlob(name, content);
    Digest sha512 = registry.pushBlob(name, content, DigestAlgorithm.SHA512);
    assertThat(blobFile(digest)).exists();
    assertThat(blobFile(sha512)).exists();

    JsonNode report = collect("PT0S");

    assertThat(report.get("blobsDeleted").asLong()).isGreaterThanOrEqualTo(2);
    assertThat(report.get("bytesReclaimed").asLong()).isGreaterThanOrEqualTo(2L * content.length);
    assertThat(report.get("trigger").asString()).isEqualTo("api");
    assertThat(report.get("finishedAt").isNull()).isFalse();
    assertThat(report.get("error").isNull()).isTrue();
    assertThat(registry.head("/v2/" + name + "/blobs/" + digest).statusCode()).isEqualTo(404);
    assertThat(blobFile(digest)).doesNotExist();
    assertThat(registry.head("/v2/" + name + "/blobs/" + sha512).statusCode()).isEqualTo(404);
    assertThat(blobFile(sha512)).doesNotExist();
  }

  @Test
  void reclaimsBlobsOfDeletedManifestButKeepsSharedOnes() {
    Image deleted = registry.pushImage(name, "deleted", MediaTypes.OCI_MANIFEST, 2);
    Descriptor shared = deleted.layers().getFirst();
    byte[] survivorManifest = TestContent.imageManifest(MediaTypes.OCI_MANIFEST, deleted.config(), List.of(shared));
    Digest survivor = registry.pushManifest(name, "survivor", MediaTypes.OCI_MANIFEST, survivorManifest);
    assertThat(registry.delete("/v2/" + name + "/manifests/" + deleted.digest()).statusCode()).isEqualTo(202);

    collect("PT0S");

    Descriptor unique = deleted.layers().get(1);
    assertThat(registry.head("/v2/" + name + "/blobs/" + unique.digest()).statusCode()).isEqualTo(404);
    assertThat(blobFile(unique.digest())).doesNotExist();
    assertThat(blobFile(deleted.digest())).doesNotExist();
    assertThat(registry.get("/v2/" + name + "/manifests/" + survivor).body()).isEqualTo(survivorManifest);
    for (Descriptor kept : List.of(deleted.config(), shared)) {
      assertThat(registry.get("/v2/" + name + "/blobs/" + kept.digest()).statusCode()).isEqualTo(200);
      assertThat(blobFile(kept.digest())).exists();
    }
  }

  @Test
  void keepsEverythingReferencedByManifestsTaggedOrNot() {
    Image tagged = registry.pushImage(name, "tagged");
    Image untagged = registry.pushImage(name, "untagged");
    byte[] index = TestContent.index(MediaTypes.OCI_INDEX,
        List.of(Descriptor.of(MediaTypes.OCI_MANIFEST, untagged.digest(), untagged.manifest().length)));
    Digest indexDigest = registry.pushManifest(name, "index", MediaTypes.OCI_INDEX, index);
    assertThat(registry.delete("/v2/" + name + "/manifests/untagged").statusCode()).isEqualTo(202);

    collect("PT0S");

    for (Image image : List.of(tagged, untagged)) {
      assertThat(registry.get("/v2/" + name + "/manifests/" + image.digest()).body()).isEqualTo(image.manifest());
      List<Descriptor> blobs = new ArrayList<>(image.layers());
      blobs.add(image.config());
      for (Descriptor blob : blobs) {
        assertThat(registry.get("/v2/" + name + "/blobs/" + blob.digest()).statusCode()).isEqualTo(200);
      }
    }
    assertThat(registry.get("/v2/" + name + "/manifests/" + indexDigest).body()).isEqualTo(index);
  }

  @Test
  void sparesBlobsWithinGracePeriod() {
    Digest digest = registry.pushBlob(name, randomBytes(100));

    collect("PT1H");
    collect(null);

    assertThat(registry.get("/v2/" + name + "/blobs/" + digest).statusCode()).isEqualTo(200);
    assertThat(blobFile(digest)).exists();
    collect("PT0S");
    assertThat(blobFile(digest)).doesNotExist();
  }

  @Test
  void existenceCheckRenewsGracePeriod() {
    Digest checked = registry.pushBlob(name, randomBytes(100));
    Digest unchecked = registry.pushBlob(name, randomBytes(100));
    age(checked);
    age(unchecked);

    assertThat(registry.head("/v2/" + name + "/blobs/" + checked).statusCode()).isEqualTo(200);
    collect("PT1H");

    assertThat(blobFile(checked)).exists();
    assertThat(blobFile(unchecked)).doesNotExist();
  }

  @Test
  void mountRenewsGracePeriod() {
    Digest digest = registry.pushBlob(name, randomBytes(100));
    age(digest);
    String target = repository("gc-mount");

    assertThat(registry.post("/v2/" + target + "/blobs/uploads/?mount=" + digest + "&from=" + name, null)
        .statusCode()).isEqualTo(201);
    collect("PT1H");

    assertThat(registry.get("/v2/" + target + "/blobs/" + digest).statusCode()).isEqualTo(200);
    assertThat(blobFile(digest)).exists();
  }

  @Test
  void purgesIdleUploadSessionsWithTheirData() {
    HttpResponse<byte[]> started = registry.post("/v2/" + name + "/blobs/uploads/", null);
    String location = started.headers().firstValue("Location").orElseThrow();
    String id = started.headers().firstValue("Docker-Upload-UUID").orElseThrow();
    assertThat(registry.patch(location, randomBytes(1000)).statusCode()).isEqualTo(202);
    String fresh = registry.post("/v2/" + name + "/blobs/uploads/", null).headers().firstValue("Location")
        .orElseThrow();
    Path ingest = dataDir().resolve("ingest").resolve(id);
    assertThat(ingest).hasSize(1000);
    jdbc.update("UPDATE upload SET updated_at = now() - interval '25 hours' WHERE id = ?::uuid", id);

    JsonNode report = collect("PT1H");

    assertThat(report.get("uploadsPurged").asLong()).isEqualTo(1);
    assertError(registry.get(location), 404, "BLOB_UPLOAD_UNKNOWN");
    assertThat(ingest).doesNotExist();
    assertThat(registry.get(fresh).statusCode()).isEqualTo(204);
  }

  @Test
  void chunkRenewsIdleUploadSession() {
    HttpResponse<byte[]> started = registry.post("/v2/" + name + "/blobs/uploads/", null);
    String location = started.headers().firstValue("Location").orElseThrow();
    String id = started.headers().firstValue("Docker-Upload-UUID").orElseThrow();
    jdbc.update("UPDATE upload SET updated_at = now() - interval '25 hours' WHERE id = ?::uuid", id);

    assertThat(registry.patch(location, randomBytes(10)).statusCode()).isEqualTo(202);
    collect("PT1H");

    HttpResponse<byte[]> status = registry.get(location);
    assertThat(status.statusCode()).isEqualTo(204);
    assertThat(status.headers().firstValue("Range")).hasValue("0-9");
  }

  @Test
  void refusesSecondRunWhileOneIsInProgressWith409() throws Exception {
    HttpResponse<byte[]> started = registry.post("/v2/" + name + "/blobs/uploads/", null);
    String id = started.headers().firstValue("Docker-Upload-UUID").orElseThrow();
    jdbc.update("UPDATE upload SET updated_at = now() - interval '25 hours' WHERE id = ?::uuid", id);
    HttpResponse<byte[]> refused;
    Future<JsonNode> first;
    try (Connection holder = dataSource.getConnection();
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      holder.setAutoCommit(false);
      try (PreparedStatement lock = holder.prepareStatement("SELECT 1 FROM upload WHERE id = ?::uuid FOR UPDATE")) {
        lock.setString(1, id);
        lock.executeQuery().close();
      }
      first = threads.submit(() -> collect("PT1H"));
      await().atMost(Duration.ofSeconds(10)).until(() -> OciJson.mapper()
          .readTree(registry.get("/api/v1/gc/runs?limit=1").body()).get(0).get("finishedAt").isNull());

      refused = registry.post("/api/v1/gc?gracePeriod=PT1H", null);
      holder.rollback();
    }

    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(first.get().get("uploadsPurged").asLong()).isEqualTo(1);
    assertThat(collect("PT1H").get("error").isNull()).isTrue();
  }

  @Test
  void listsRunsNewestFirst() {
    long first = collect("PT1H").get("id").asLong();
    long second = collect("PT1H").get("id").asLong();

    HttpResponse<byte[]> response = registry.get("/api/v1/gc/runs?limit=2");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode runs = OciJson.mapper().readTree(response.body());
    assertThat(runs.valueStream().map(run -> run.get("id").asLong()).toList()).containsExactly(second, first);
    assertThat(runs.get(0).get("trigger").asString()).isEqualTo("api");
    assertThat(runs.get(0).has("uploadsPurged")).isTrue();
  }

  @Test
  void keepsWhatEachRunReclaimedInItsHistory() {
    registry.pushBlob(name, randomBytes(100));
    JsonNode report = collect("PT0S");

    JsonNode recorded = OciJson.mapper().readTree(registry.get("/api/v1/gc/runs?limit=1").body()).get(0);

    assertThat(report.get("blobsDeleted").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(recorded).isEqualTo(report);
  }

  @Test
  void refusesBadGracePeriodWithProblemDetails() {
    for (String bad : List.of("bogus", "-PT1S")) {
      HttpResponse<byte[]> response = registry.post("/api/v1/gc?gracePeriod=" + bad, null);

      assertThat(response.statusCode()).as(bad).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      JsonNode problem = OciJson.mapper().readTree(response.body());
      assertThat(problem.get("status").asInt()).isEqualTo(400);
    }
    assertThat(registry.get("/api/v1/gc/runs?limit=0").statusCode()).isEqualTo(400);
  }

  /** Makes {@code digest} look last used two hours ago. */
  private void age(Digest digest) {
    assertThat(jdbc.update("UPDATE blob SET touched_at = now() - interval '2 hours' WHERE digest = ?",
        digest.toString())).isEqualTo(1);
  }

  private JsonNode collect(String gracePeriod) {
    HttpResponse<byte[]> response = registry.post(
        "/api/v1/gc" + (gracePeriod == null ? "" : "?gracePeriod=" + gracePeriod), null);
    assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(200);
    return OciJson.mapper().readTree(response.body());
  }
}
