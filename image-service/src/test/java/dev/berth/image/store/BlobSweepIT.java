package dev.berth.image.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.image.AbstractImageServiceIT;
import dev.berth.oci.Digest;
import dev.berth.oci.content.ContentStore;
import dev.berth.testsupport.TestImages;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionOperations;

class BlobSweepIT extends AbstractImageServiceIT {

  @Autowired
  ContentStore content;

  @Autowired
  BlobRepository blobs;

  @Autowired
  TransactionOperations tx;

  @Autowired
  JdbcTemplate jdbc;

  @Test
  void removesBlobsNoImageUsesOnceTheirGracePeriodIsOver() throws Exception {
    Digest stale = orphan("stale " + UUID.randomUUID());
    Digest fresh = orphan("fresh " + UUID.randomUUID());
    backdate(stale);

    assertThat(sweep("")).contains("\"blobs\":");

    assertThat(blobs.existsById(stale.toString())).isFalse();
    assertThat(content.find(stale)).isEmpty();
    assertThat(blobs.existsById(fresh.toString())).isTrue();
    assertThat(content.find(fresh)).isPresent();

    sweep("?gracePeriod=PT0S");

    assertThat(blobs.existsById(fresh.toString())).isFalse();
    assertThat(content.find(fresh)).isEmpty();
  }

  @Test
  void keepsEveryBlobAnImageUses() throws Exception {
    Path layout = TestImages.busybox(Files.createTempDirectory("sweep-layout"), "kept", "kept " + UUID.randomUUID());
    TestImages.push(layout, "kept", REGISTRY.address(), "sweep/kept");
    HttpResponse<String> pull = http.send(HttpRequest.newBuilder(uri("/api/v1/images/pull?reference=sweep/kept:kept"))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(pull.body()).contains("DOWNLOADED_NEWER_IMAGE");
    jdbc.update("UPDATE blob SET touched_at = now() - interval '30 days'");

    sweep("?gracePeriod=PT0S");

    List<String> kept = jdbc.queryForList("""
        SELECT b.digest FROM blob b JOIN image i ON i.id = b.digest OR i.manifest_digest = b.digest
        UNION SELECT l.digest FROM image_layer l""", String.class);
    assertThat(kept).isNotEmpty();
    kept.forEach(digest -> assertThat(content.find(Digest.parse(digest))).as(digest).isPresent());
    assertThat(http.send(HttpRequest.newBuilder(uri("/api/v1/images/sweep/kept:kept")).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
  }

  @Test
  void removesIngestFilesNoWriterFinished() throws Exception {
    Path abandoned = content.createIngest("abandoned-" + UUID.randomUUID());
    Files.setLastModifiedTime(abandoned, FileTime.from(Instant.now().minus(2, ChronoUnit.DAYS)));
    Path recent = content.createIngest("recent-" + UUID.randomUUID());

    sweep("");

    assertThat(abandoned).doesNotExist();
    assertThat(recent).exists();
    content.delete(recent);
  }

  @Test
  void refusesANegativeGracePeriod() throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/v1/blobs/sweep?gracePeriod=-PT1S"))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  private Digest orphan(String text) throws Exception {
    byte[] bytes = text.getBytes();
    Digest digest = Digest.sha256(bytes);
    Path ingest = content.createIngest("orphan-" + UUID.randomUUID());
    Files.write(ingest, bytes);
    tx.executeWithoutResult(status -> {
      blobs.upsert(digest.toString(), bytes.length, "application/octet-stream", null, null);
      try {
        content.commit(ingest, digest);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    return digest;
  }

  private void backdate(Digest digest) {
    jdbc.update("UPDATE blob SET touched_at = now() - interval '2 days' WHERE digest = ?", digest.toString());
  }

  private String sweep(String query) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/v1/blobs/sweep" + query))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }
}
