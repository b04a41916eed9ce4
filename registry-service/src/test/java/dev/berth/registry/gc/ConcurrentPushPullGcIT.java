package dev.berth.registry.gc;

import static dev.berth.registry.TestContent.randomBytes;
import static dev.berth.registry.TestContent.repository;
import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.oci.Descriptor;
import dev.berth.oci.Digest;
import dev.berth.oci.ImageManifest;
import dev.berth.oci.MediaTypes;
import dev.berth.oci.OciJson;
import dev.berth.registry.AbstractRegistryIT;
import dev.berth.registry.TestContent;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Pushes, pulls and deletes from several threads while garbage collection runs back to back with
 * a short grace period: nothing a live manifest needs may ever go missing, and garbage must still
 * be reclaimed.
 */
class ConcurrentPushPullGcIT extends AbstractRegistryIT {

  private static final int WORKERS = 4;
  private static final Duration RUN_TIME = Duration.ofSeconds(20);
  private static final String GRACE = "PT5S";

  /** A pushed manifest that is never deleted: tag, digest, bytes. */
  private record Pushed(String repository, String tag, Digest digest, byte[] manifest) {
  }

  private final List<String> repositories = List.of(repository("concurrent/a"), repository("concurrent/b"));
  private final List<byte[]> baseLayers = List.of(randomBytes(256 * 1024), randomBytes(100 * 1024),
      randomBytes(3000));
  private final Queue<String> failures = new ConcurrentLinkedQueue<>();
  private final List<Pushed> live = new CopyOnWriteArrayList<>();
  private final Queue<Pushed> deleted = new ConcurrentLinkedQueue<>();
  private final Queue<Digest> orphans = new ConcurrentLinkedQueue<>();
  private final AtomicLong reclaimedDuringRun = new AtomicLong();
  private final AtomicLong collections = new AtomicLong();

  @Test
  void losesNothingLiveAndReclaimsGarbageWhileCollectingDuringPushesAndPulls() throws Exception {
    AtomicBoolean running = new AtomicBoolean(true);
    try (ExecutorService threads = Executors.newFixedThreadPool(WORKERS + 1)) {
      Future<?> collector = threads.submit(() -> collectWhile(running));
      List<Future<?>> workers = new ArrayList<>();
      long deadline = System.nanoTime() + RUN_TIME.toNanos();
      for (int w = 0; w < WORKERS; w++) {
        int worker = w;
        workers.add(threads.submit(() -> work(worker, deadline)));
      }
      for (Future<?> worker : workers) {
        worker.get(RUN_TIME.toSeconds() + 60, TimeUnit.SECONDS);
      }
      running.set(false);
      collector.get(60, TimeUnit.SECONDS);
    }

    assertThat(failures).as("failures during the run").isEmpty();
    assertThat(collections.get()).as("collections during the run").isGreaterThan(5);
    assertThat(reclaimedDuringRun.get()).as("blobs reclaimed during the run").isPositive();
    assertThat(live).hasSizeGreaterThan(WORKERS * 3);
    live.forEach(this::verifyPullable);
    assertThat(failures).as("live manifests not fully pullable after the run").isEmpty();
    for (Pushed gone : deleted) {
      assertThat(registry.get("/v2/" + gone.repository() + "/manifests/" + gone.digest()).statusCode())
          .isEqualTo(404);
    }

    assertThat(registry.post("/api/v1/gc?gracePeriod=PT0S", null).statusCode()).isEqualTo(200);

    live.forEach(this::verifyPullable);
    assertThat(failures).as("live manifests not fully pullable after collecting everything else").isEmpty();
    assertThat(orphans).isNotEmpty().allSatisfy(orphan -> assertThat(blobFile(orphan)).doesNotExist());
  }

  private void collectWhile(AtomicBoolean running) {
    while (running.get()) {
      HttpResponse<byte[]> response = registry.post("/api/v1/gc?gracePeriod=" + GRACE, null);
      if (response.statusCode() != 200) {
        failures.add("gc answered " + response.statusCode() + ": " + new String(response.body()));
        return;
      }
      JsonNode report = OciJson.mapper().readTree(response.body());
      if (!report.get("error").isNull()) {
        failures.add("gc failed: " + report.get("error").asString());
      }
      reclaimedDuringRun.addAndGet(report.get("blobsDeleted").asLong());
      collections.incrementAndGet();
      sleep(100);
    }
  }

  private void work(int worker, long deadline) {
    try {
      for (int i = 0; System.nanoTime() < deadline; i++) {
        String repository = repositories.get((worker + i) % repositories.size());
        Pushed pushed = push(repository, "w" + worker + "-" + i, baseLayers.get(i % baseLayers.size()), i);
        verifyPullable(pushed);
        if (i % 3 == 0) {
          HttpResponse<byte[]> response = registry.delete("/v2/" + repository + "/manifests/" + pushed.digest());
          expect(response, 202, "delete of " + pushed);
          deleted.add(pushed);
        } else {
          live.add(pushed);
        }
        if (!live.isEmpty()) {
          verifyPullable(live.get(ThreadLocalRandom.current().nextInt(live.size())));
        }
      }
    } catch (Throwable e) {
      failures.add("worker " + worker + " stopped: " + e);
    }
  }

  /** Pushes an image as a client does: a base layer it checks for first, fresh layers, a fresh config. */
  private Pushed push(String repository, String tag, byte[] base, int iteration) {
    Digest baseDigest = Digest.sha256(base);
    HttpResponse<byte[]> exists = registry.head("/v2/" + repository + "/blobs/" + baseDigest);
    if (exists.statusCode() == 404) {
      registry.pushBlob(repository, base);
    } else {
      expect(exists, 200, "existence check of base layer " + baseDigest);
    }
    List<Descriptor> layers = new ArrayList<>();
    layers.add(TestContent.descriptor(MediaTypes.OCI_LAYER_GZIP, base));
    for (int l = 0; l < 2; l++) {
      byte[] layer = randomBytes(ThreadLocalRandom.current().nextInt(1024, 200 * 1024));
      if (l == 0) {
        registry.pushBlob(repository, layer);
      } else {
        pushInChunks(repository, layer);
      }
      layers.add(TestContent.descriptor(MediaTypes.OCI_LAYER_GZIP, layer));
    }
    if (iteration % 2 == 0) {
      orphans.add(registry.pushBlob(repository, randomBytes(2048)));
    }
    byte[] config = randomBytes(512);
    registry.pushBlob(repository, config);
    byte[] manifest = TestContent.json(new ImageManifest(2, MediaTypes.OCI_MANIFEST, null,
        TestContent.descriptor(MediaTypes.OCI_CONFIG, config), layers, null, null));
    Digest digest = registry.pushManifest(repository, tag, MediaTypes.OCI_MANIFEST, manifest);
    return new Pushed(repository, tag, digest, manifest);
  }

  private void pushInChunks(String repository, byte[] content) {
    HttpResponse<byte[]> started = registry.post("/v2/" + repository + "/blobs/uploads/", null);
    expect(started, 202, "upload start");
    String location = started.headers().firstValue("Location").orElseThrow();
    int half = content.length / 2;
    HttpResponse<byte[]> chunk = registry.patch(location, Arrays.copyOf(content, half),
        "Content-Range", "0-" + (half - 1));
    expect(chunk, 202, "chunk of " + location);
    HttpResponse<byte[]> done = registry.put(location + "?digest=" + Digest.sha256(content),
        Arrays.copyOfRange(content, half, content.length));
    expect(done, 201, "completion of " + location);
  }

  /** Pulls a manifest by tag and by digest and every blob it references, checking every digest. */
  private void verifyPullable(Pushed pushed) {
    String base = "/v2/" + pushed.repository();
    for (String reference : List.of(pushed.tag(), pushed.digest().toString())) {
      HttpResponse<byte[]> manifest = registry.get(base + "/manifests/" + reference);
      if (!expect(manifest, 200, "pull of " + pushed.repository() + ":" + reference)) {
        return;
      }
      check(Digest.sha256(manifest.body()).equals(pushed.digest())
          && manifest.headers().firstValue("Docker-Content-Digest").orElse("").equals(pushed.digest().toString()),
          "manifest " + reference + " of " + pushed.repository() + " came back altered");
    }
    ImageManifest image = OciJson.mapper().readValue(pushed.manifest(), ImageManifest.class);
    for (Descriptor blob : image.blobs()) {
      HttpResponse<byte[]> response = registry.get(base + "/blobs/" + blob.digest());
      if (expect(response, 200, "pull of blob " + blob.digest() + " of " + pushed.tag())) {
        check(Digest.sha256(response.body()).equals(blob.digest()) && response.body().length == blob.size(),
            "blob " + blob.digest() + " of " + pushed.tag() + " came back altered");
        check(blobFile(blob.digest()).toFile().isFile(), "blob file " + blob.digest() + " is gone");
      }
    }
  }

  private boolean expect(HttpResponse<byte[]> response, int status, String what) {
    return check(response.statusCode() == status,
        what + " answered " + response.statusCode() + ": " + new String(response.body()));
  }

  private boolean check(boolean condition, String failure) {
    if (!condition) {
      failures.add(failure);
    }
    return condition;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
