package dev.berth.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.testsupport.ServiceJar;
import dev.berth.testsupport.ServiceProcess;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The real registry-service behind the gateway jar, both started as a user starts them, pushed to
 * and pulled from over plain HTTP through the gateway: the upload session's relative
 * {@code Location}s, {@code Range}, {@code Docker-Content-Digest} and a ranged blob read all pass
 * through, and an 8 MiB blob goes up and down in chunks.
 */
class RegistryThroughGatewayIT {

  @RegisterExtension
  @Order(1)
  static final ServiceProcess registry = ServiceProcess.of(ServiceJar.REGISTRY_SERVICE);

  @RegisterExtension
  @Order(2)
  static final ServiceProcess gateway = ServiceProcess.of(ServiceJar.GATEWAY)
      .withArguments(() -> List.of("--berth.gateway.services.registry=http://" + registry.address()));

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void pushesAndPullsABlobAndAManifestThroughTheGateway() throws Exception {
    byte[] layer = new byte[8 * 1024 * 1024];
    new Random(42).nextBytes(layer);
    String layerDigest = push("gw/test", layer);
    byte[] config = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}"
        .getBytes(StandardCharsets.UTF_8);
    String configDigest = push("gw/test", config);
    byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
        + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + configDigest
        + "\",\"size\":" + config.length + "},\"layers\":[{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar\","
        + "\"digest\":\"" + layerDigest + "\",\"size\":" + layer.length + "}]}").getBytes(StandardCharsets.UTF_8);

    HttpResponse<Void> put = http.send(HttpRequest.newBuilder(gateway.uri("/v2/gw/test/manifests/v1"))
        .header("Content-Type", "application/vnd.oci.image.manifest.v1+json")
        .PUT(BodyPublishers.ofByteArray(manifest)).build(), BodyHandlers.discarding());
    assertThat(put.statusCode()).isEqualTo(201);
    assertThat(put.headers().firstValue("Docker-Content-Digest")).hasValue(digest(manifest));

    HttpResponse<byte[]> pulled = http.send(HttpRequest.newBuilder(gateway.uri("/v2/gw/test/manifests/v1"))
        .header("Accept", "application/vnd.oci.image.manifest.v1+json").build(), BodyHandlers.ofByteArray());
    assertThat(pulled.statusCode()).isEqualTo(200);
    assertThat(pulled.body()).isEqualTo(manifest);
    assertThat(pulled.headers().firstValue("Docker-Content-Digest")).hasValue(digest(manifest));

    HttpResponse<InputStream> blob = http.send(HttpRequest.newBuilder(gateway.uri("/v2/gw/test/blobs/" + layerDigest))
        .build(), BodyHandlers.ofInputStream());
    try (InputStream body = blob.body()) {
      assertThat(digest(body.readAllBytes())).isEqualTo(layerDigest);
    }
    HttpResponse<byte[]> ranged = http.send(HttpRequest.newBuilder(gateway.uri("/v2/gw/test/blobs/" + layerDigest))
        .header("Range", "bytes=0-3").build(), BodyHandlers.ofByteArray());
    assertThat(ranged.statusCode()).isEqualTo(206);
    assertThat(ranged.headers().firstValue("Content-Range")).hasValue("bytes 0-3/" + layer.length);
    assertThat(ranged.body()).containsExactly(layer[0], layer[1], layer[2], layer[3]);
  }

  /** Pushes {@code content} as distribution clients do: POST a session, PATCH chunks, PUT with the digest. */
  private String push(String repository, byte[] content) throws Exception {
    HttpResponse<Void> session = http.send(HttpRequest.newBuilder(gateway.uri("/v2/" + repository + "/blobs/uploads/"))
        .POST(BodyPublishers.noBody()).build(), BodyHandlers.discarding());
    assertThat(session.statusCode()).isEqualTo(202);
    String location = session.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith("/v2/" + repository + "/blobs/uploads/");
    int chunk = Math.max(1, content.length / 2);
    for (int offset = 0; offset < content.length; offset += chunk) {
      int end = Math.min(content.length, offset + chunk);
      HttpResponse<Void> patched = http.send(HttpRequest.newBuilder(resolve(location))
          .header("Content-Type", "application/octet-stream")
          .header("Content-Range", offset + "-" + (end - 1))
          .method("PATCH", BodyPublishers.ofByteArray(content, offset, end - offset)).build(), BodyHandlers.discarding());
      assertThat(patched.statusCode()).isEqualTo(202);
      assertThat(patched.headers().firstValue("Range")).hasValue("0-" + (end - 1));
      location = patched.headers().firstValue("Location").orElseThrow();
    }
    String digest = digest(content);
    HttpResponse<Void> done = http.send(HttpRequest.newBuilder(resolve(location + (location.contains("?") ? "&" : "?")
        + "digest=" + digest)).PUT(BodyPublishers.noBody()).build(), BodyHandlers.discarding());
    assertThat(done.statusCode()).isEqualTo(201);
    assertThat(done.headers().firstValue("Docker-Content-Digest")).hasValue(digest);
    return digest;
  }

  private URI resolve(String location) {
    return gateway.uri("/").resolve(location);
  }

  private static String digest(byte[] content) throws Exception {
    return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
  }
}
