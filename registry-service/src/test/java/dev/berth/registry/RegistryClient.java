package dev.berth.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.oci.Descriptor;
import dev.berth.oci.Digest;
import dev.berth.oci.DigestAlgorithm;
import dev.berth.oci.MediaTypes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The registry's HTTP API as a test drives it: one method per verb on paths relative to the
 * server, headers as name/value pairs, bodies as bytes; plus the pushes most tests start with.
 */
public final class RegistryClient {

  /** An image as pushed: its manifest's digest and bytes, config and layers. */
  public record Image(Digest digest, byte[] manifest, Descriptor config, List<Descriptor> layers) {
  }

  private static final HttpClient HTTP = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10))
      .build();

  private final URI base;

  public RegistryClient(URI base) {
    this.base = base;
  }

  public HttpResponse<byte[]> get(String path, String... headers) {
    return send("GET", path, BodyPublishers.noBody(), headers);
  }

  public HttpResponse<byte[]> head(String path, String... headers) {
    return send("HEAD", path, BodyPublishers.noBody(), headers);
  }

  public HttpResponse<byte[]> delete(String path) {
    return send("DELETE", path, BodyPublishers.noBody());
  }

  public HttpResponse<byte[]> post(String path, byte[] body, String... headers) {
    return send("POST", path, body, headers);
  }

  public HttpResponse<byte[]> put(String path, byte[] body, String... headers) {
    return send("PUT", path, body, headers);
  }

  public HttpResponse<byte[]> patch(String path, byte[] body, String... headers) {
    return send("PATCH", path, body, headers);
  }

  /**
   * Sends a request to {@code path} (absolute, or relative to the server as a {@code Location}
   * header gives it) with {@code headers} as alternating names and values.
   */
  public HttpResponse<byte[]> send(String method, String path, byte[] body, String... headers) {
    return send(method, path, body == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body), headers);
  }

  /** Sends a request whose body comes from {@code body}, streamed when its length is unknown. */
  public HttpResponse<byte[]> send(String method, String path, BodyPublisher body, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
        .timeout(Duration.ofSeconds(60))
        .method(method, body);
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      return HTTP.send(request.build(), BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during " + method + " " + path, e);
    }
  }

  /** Pushes {@code content} to {@code repository} in one request and returns its sha256 digest. */
  public Digest pushBlob(String repository, byte[] content) {
    return pushBlob(repository, content, DigestAlgorithm.SHA256);
  }

  /** Pushes {@code content} to {@code repository} in one request under {@code algorithm}. */
  public Digest pushBlob(String repository, byte[] content, DigestAlgorithm algorithm) {
    Digest digest = Digest.of(algorithm, content);
    HttpResponse<byte[]> response = post("/v2/" + repository + "/blobs/uploads/?digest=" + digest, content);
    assertThat(response.statusCode()).as("push of blob %s to %s", digest, repository).isEqualTo(201);
    return digest;
  }

  /** Pushes manifest {@code bytes} of {@code mediaType} under {@code reference}; returns their sha256 digest. */
  public Digest pushManifest(String repository, String reference, String mediaType, byte[] bytes) {
    HttpResponse<byte[]> response = put("/v2/" + repository + "/manifests/" + reference, bytes,
        "Content-Type", mediaType);
    assertThat(response.statusCode()).as("push of manifest %s to %s: %s", reference, repository,
        new String(response.body())).isEqualTo(201);
    return Digest.sha256(bytes);
  }

  /**
   * Pushes an image with a fresh config and {@code layerCount} fresh layers, its manifest of
   * {@code mediaType} (OCI or Docker) under {@code reference}.
   */
  public Image pushImage(String repository, String reference, String mediaType, int layerCount) {
    boolean docker = MediaTypes.DOCKER_MANIFEST.equals(mediaType);
    byte[] configBytes = TestContent.json(Map.of("architecture", "amd64", "os", "linux",
        "config", Map.of("Labels", Map.of("nonce", UUID.randomUUID().toString()))));
    pushBlob(repository, configBytes);
    Descriptor config = TestContent.descriptor(docker ? MediaTypes.DOCKER_CONFIG : MediaTypes.OCI_CONFIG, configBytes);
    List<Descriptor> layers = new ArrayList<>();
    for (int i = 0; i < layerCount; i++) {
      byte[] layer = TestContent.randomBytes(256 + i);
      pushBlob(repository, layer);
      layers.add(TestContent.descriptor(docker ? MediaTypes.DOCKER_LAYER_GZIP : MediaTypes.OCI_LAYER_GZIP, layer));
    }
    byte[] manifest = TestContent.imageManifest(mediaType, config, layers);
    return new Image(pushManifest(repository, reference, mediaType, manifest), manifest, config, layers);
  }

  /** Pushes an OCI image with one layer under {@code reference}. */
  public Image pushImage(String repository, String reference) {
    return pushImage(repository, reference, MediaTypes.OCI_MANIFEST, 1);
  }
}
