package dev.berth.registry.upload;

import static dev.berth.registry.TestContent.randomBytes;
import static dev.berth.registry.TestContent.repository;
import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.oci.Digest;
import dev.berth.registry.AbstractRegistryIT;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class CrossRepositoryMountIT extends AbstractRegistryIT {

  private final String source = repository("mount/source");
  private final String target = repository("mount/target");

  @Test
  void mountsBlobFromAnotherRepository() {
    byte[] content = randomBytes(500);
    Digest digest = registry.pushBlob(source, content);

    HttpResponse<byte[]> mounted = registry.post(
        "/v2/" + target + "/blobs/uploads/?mount=" + digest + "&from=" + source, null);

    assertThat(mounted.statusCode()).isEqualTo(201);
    assertThat(mounted.headers().firstValue("Location")).hasValue("/v2/" + target + "/blobs/" + digest);
    assertThat(mounted.headers().firstValue("Docker-Content-Digest")).hasValue(digest.toString());
    assertThat(registry.get("/v2/" + target + "/blobs/" + digest).body()).isEqualTo(content);
  }

  @Test
  void fallsBackToUploadSessionWhenSourceLacksBlob() {
    byte[] content = randomBytes(500);
    Digest digest = Digest.sha256(content);
    registry.pushBlob(repository("mount/unrelated"), content);

    HttpResponse<byte[]> fallback = registry.post(
        "/v2/" + target + "/blobs/uploads/?mount=" + digest + "&from=" + source, null);

    assertThat(fallback.statusCode()).isEqualTo(202);
    assertThat(fallback.headers().firstValue("Docker-Upload-UUID")).isPresent();
    String location = fallback.headers().firstValue("Location").orElseThrow();
    assertThat(registry.put(location + "?digest=" + digest, content).statusCode()).isEqualTo(201);
    assertThat(registry.get("/v2/" + target + "/blobs/" + digest).body()).isEqualTo(content);
  }

  @Test
  void startsUploadSessionWhenMountNamesNoSource() {
    Digest digest = registry.pushBlob(source, randomBytes(500));

    HttpResponse<byte[]> fallback = registry.post("/v2/" + target + "/blobs/uploads/?mount=" + digest, null);

    assertThat(fallback.statusCode()).isEqualTo(202);
    assertThat(registry.get(fallback.headers().firstValue("Location").orElseThrow()).statusCode()).isEqualTo(204);
  }

  @Test
  void refusesMountOfMalformedDigestOrFromInvalidRepository() {
    Digest digest = registry.pushBlob(source, randomBytes(500));

    assertError(registry.post("/v2/" + target + "/blobs/uploads/?mount=sha256:zz&from=" + source, null), 400,
        "DIGEST_INVALID");
    assertError(registry.post("/v2/" + target + "/blobs/uploads/?mount=" + digest + "&from=Bad..Name", null), 400,
        "NAME_INVALID");
  }
}
