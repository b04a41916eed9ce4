package dev.berth.image.pull;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.image.AbstractImageServiceIT;
import dev.berth.image.store.BlobRepository;
import dev.berth.image.store.ImageRepository;
import dev.berth.oci.Digest;
import dev.berth.oci.OciJson;
import dev.berth.oci.content.ContentStore;
import dev.berth.testsupport.HandmadeImages;
import dev.berth.testsupport.HandmadeImages.Blob;
import dev.berth.testsupport.HandmadeImages.Layer;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Pull ITs: calls of the native image API and checks of what the store holds. */
abstract class AbstractPullIT extends AbstractImageServiceIT {

  /** A pull's answer: its status and body (NDJSON progress, or a problem detail). */
  record Pull(int status, String body) {

    List<String> lines() {
      return body.lines().toList();
    }

    /** The last progress line, where success or an error is reported. */
    String last() {
      return lines().isEmpty() ? "" : lines().getLast();
    }

    boolean succeeded() {
      return status == 200 && last().contains("\"status\":\"DOWNLOADED_NEWER_IMAGE\"")
          || status == 200 && last().contains("\"status\":\"IMAGE_IS_UP_TO_DATE\"");
    }
  }

  /** A hand-made single-layer image pushed to a registry. */
  record PushedImage(Layer layer, Blob config, Blob manifest) {

    String layerDigest() {
      return layer.blob().digest();
    }
  }

  @Autowired
  BlobRepository blobs;

  @Autowired
  ImageRepository images;

  @Autowired
  ContentStore content;

  Pull pull(String reference) throws IOException, InterruptedException {
    return pull(reference, null);
  }

  Pull pull(String reference, String platform) throws IOException, InterruptedException {
    String query = "reference=" + URLEncoder.encode(reference, StandardCharsets.UTF_8)
        + (platform == null ? "" : "&platform=" + URLEncoder.encode(platform, StandardCharsets.UTF_8));
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/v1/images/pull?" + query))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    return new Pull(response.statusCode(), response.body());
  }

  Pull pullSuccessfully(String reference) throws IOException, InterruptedException {
    Pull pull = pull(reference);
    assertThat(pull.succeeded()).as("pull of %s: %s", reference, pull.body()).isTrue();
    return pull;
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The image {@code name} as {@code GET /api/v1/images/{name}} shows it; fails unless it is stored. */
  JsonNode inspect(String name) throws IOException, InterruptedException {
    HttpResponse<String> response = get("/api/v1/images/" + name);
    assertThat(response.statusCode()).as("inspect %s: %s", name, response.body()).isEqualTo(200);
    return OciJson.mapper().readTree(response.body());
  }

  HttpResponse<String> delete(String name) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(uri("/api/v1/images/" + name)).DELETE().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The stored blob {@code digest} as {@code GET /api/v1/blobs/{digest}} serves it. */
  byte[] storedBlob(String digest) throws IOException, InterruptedException {
    HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri("/api/v1/blobs/" + digest)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).as("blob %s", digest).isEqualTo(200);
    return response.body();
  }

  /** Whether blob {@code digest} has a row and a file in the store. */
  boolean isStored(String digest) {
    return blobs.existsById(digest) && content.find(Digest.parse(digest)).isPresent();
  }

  /**
   * Asserts that no image {@code name} is stored, nor any row, file or partial download of the
   * config, layer and manifest of {@code pushed}.
   */
  void assertNothingStored(String name, PushedImage pushed) throws Exception {
    assertThat(get("/api/v1/images/" + name).statusCode()).as("image %s", name).isEqualTo(404);
    assertThat(images.existsById(pushed.config().digest())).as("image %s", pushed.config().digest()).isFalse();
    for (String digest : List.of(pushed.config().digest(), pushed.layerDigest(), pushed.manifest().digest())) {
      assertThat(blobs.existsById(digest)).as("blob row %s", digest).isFalse();
      assertThat(content.find(Digest.parse(digest))).as("blob file %s", digest).isEmpty();
      assertThat(content.ingest("pull-" + digest.replace(':', '-'))).as("ingest of %s", digest).doesNotExist();
    }
  }

  /** Pushes a single-layer image holding {@code size} random bytes, its config listing {@code diffId} (the layer's when null). */
  static PushedImage pushRandomImage(String registry, String repository, String tag, int size, String diffId) {
    Layer layer = HandmadeImages.gzipLayer("random.bin", randomBytes(size));
    Blob config = HandmadeImages.config("amd64", List.of(diffId == null ? layer.diffId() : diffId));
    Blob manifest = HandmadeImages.manifest(config.entry(HandmadeImages.OCI_CONFIG),
        List.of(layer.blob().entry(HandmadeImages.OCI_LAYER_GZIP)));
    HandmadeImages.push(registry, repository, config);
    HandmadeImages.push(registry, repository, layer.blob());
    HandmadeImages.pushManifest(registry, repository, tag, manifest);
    return new PushedImage(layer, config, manifest);
  }

  static byte[] randomBytes(int size) {
    byte[] bytes = new byte[size];
    new Random().nextBytes(bytes);
    return bytes;
  }
}
