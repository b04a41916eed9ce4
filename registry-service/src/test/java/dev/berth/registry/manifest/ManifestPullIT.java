package dev.berth.registry.manifest;

import static dev.berth.oci.MediaTypes.DOCKER_MANIFEST;
import static dev.berth.oci.MediaTypes.DOCKER_MANIFEST_LIST;
import static dev.berth.oci.MediaTypes.OCI_INDEX;
import static dev.berth.oci.MediaTypes.OCI_MANIFEST;
import static dev.berth.registry.TestContent.index;
import static dev.berth.registry.TestContent.randomBytes;
import static dev.berth.registry.TestContent.repository;
import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.oci.Descriptor;
import dev.berth.oci.Digest;
import dev.berth.registry.AbstractRegistryIT;
import dev.berth.registry.RegistryClient.Image;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ManifestPullIT extends AbstractRegistryIT {

  private final String name = repository("manifests/pull");

  @ParameterizedTest
  @ValueSource(strings = {OCI_MANIFEST, DOCKER_MANIFEST, OCI_INDEX, DOCKER_MANIFEST_LIST})
  void servesStoredBytesAndTypeWithoutAccept(String mediaType) {
    byte[] manifest = manifestOf(mediaType);
    Digest digest = registry.pushManifest(name, "stored", mediaType, manifest);

    for (String reference : List.of("stored", digest.toString())) {
      HttpResponse<byte[]> pulled = registry.get("/v2/" + name + "/manifests/" + reference);

      assertThat(pulled.statusCode()).isEqualTo(200);
      assertThat(pulled.body()).isEqualTo(manifest);
      assertThat(pulled.headers().firstValue("Content-Type")).hasValue(mediaType);
      assertThat(pulled.headers().firstValue("Content-Length")).hasValue(String.valueOf(manifest.length));
      assertThat(pulled.headers().firstValue("Docker-Content-Digest")).hasValue(Digest.sha256(pulled.body())
          .toString());
    }
  }

  @Test
  void answersHeadWithManifestHeadersAndNoBody() {
    Image image = registry.pushImage(name, "head");

    for (String reference : List.of("head", image.digest().toString())) {
      HttpResponse<byte[]> head = registry.head("/v2/" + name + "/manifests/" + reference);

      assertThat(head.statusCode()).isEqualTo(200);
      assertThat(head.body()).isEmpty();
      assertThat(head.headers().firstValue("Content-Type")).hasValue(OCI_MANIFEST);
      assertThat(head.headers().firstValue("Content-Length")).hasValue(String.valueOf(image.manifest().length));
      assertThat(head.headers().firstValue("Docker-Content-Digest")).hasValue(image.digest().toString());
    }
  }

  @Test
  void servesManifestWhenAcceptIncludesItsType() {
    Image image = registry.pushImage(name, "accepted");
    String path = "/v2/" + name + "/manifests/accepted";

    assertThat(registry.get(path, "Accept", DOCKER_MANIFEST + ", " + OCI_MANIFEST).statusCode()).isEqualTo(200);
    assertThat(registry.get(path, "Accept", DOCKER_MANIFEST, "Accept", OCI_MANIFEST + ";q=0.9").body())
        .isEqualTo(image.manifest());
    assertThat(registry.get(path, "Accept", "*/*").statusCode()).isEqualTo(200);
    assertThat(registry.head(path, "Accept", OCI_INDEX + "," + OCI_MANIFEST).statusCode()).isEqualTo(200);
  }

  @Test
  void answers404WhenAcceptExcludesStoredType() {
    Image image = registry.pushImage(name, "excluded");

    assertError(registry.get("/v2/" + name + "/manifests/excluded", "Accept", DOCKER_MANIFEST + ", " + OCI_INDEX),
        404, "MANIFEST_UNKNOWN");
    assertError(registry.get("/v2/" + name + "/manifests/" + image.digest(), "Accept", DOCKER_MANIFEST_LIST), 404,
        "MANIFEST_UNKNOWN");
    assertThat(registry.head("/v2/" + name + "/manifests/excluded", "Accept", DOCKER_MANIFEST).statusCode())
        .isEqualTo(404);
  }

  @Test
  void deletingByTagUntagsOnly() {
    Image image = registry.pushImage(name, "untag-me");
    registry.pushManifest(name, "keep", OCI_MANIFEST, image.manifest());

    HttpResponse<byte[]> deleted = registry.delete("/v2/" + name + "/manifests/untag-me");

    assertThat(deleted.statusCode()).isEqualTo(202);
    assertError(registry.get("/v2/" + name + "/manifests/untag-me"), 404, "MANIFEST_UNKNOWN");
    assertThat(registry.get("/v2/" + name + "/manifests/" + image.digest()).body()).isEqualTo(image.manifest());
    assertThat(registry.get("/v2/" + name + "/manifests/keep").statusCode()).isEqualTo(200);
    assertThat(new String(registry.get("/v2/" + name + "/tags/list").body())).doesNotContain("untag-me");
    assertError(registry.delete("/v2/" + name + "/manifests/untag-me"), 404, "MANIFEST_UNKNOWN");
  }

  @Test
  void deletingByDigestRemovesManifestAndItsTags() {
    Image image = registry.pushImage(name, "first");
    registry.pushManifest(name, "second", OCI_MANIFEST, image.manifest());
    Image survivor = registry.pushImage(name, "survivor");

    HttpResponse<byte[]> deleted = registry.delete("/v2/" + name + "/manifests/" + image.digest());

    assertThat(deleted.statusCode()).isEqualTo(202);
    assertError(registry.get("/v2/" + name + "/manifests/" + image.digest()), 404, "MANIFEST_UNKNOWN");
    assertError(registry.get("/v2/" + name + "/manifests/first"), 404, "MANIFEST_UNKNOWN");
    assertError(registry.get("/v2/" + name + "/manifests/second"), 404, "MANIFEST_UNKNOWN");
    assertThat(new String(registry.get("/v2/" + name + "/tags/list").body()))
        .contains("survivor").doesNotContain("first", "second");
    assertThat(registry.get("/v2/" + name + "/manifests/survivor").body()).isEqualTo(survivor.manifest());
    assertError(registry.delete("/v2/" + name + "/manifests/" + image.digest()), 404, "MANIFEST_UNKNOWN");
  }

  @Test
  void answersUnknownManifestWithManifestUnknown() {
    registry.pushImage(name, "present");
    Digest unknown = Digest.sha256(randomBytes(10));

    var error = assertError(registry.get("/v2/" + name + "/manifests/absent"), 404, "MANIFEST_UNKNOWN");
    assertThat(error.get("detail").get("reference").asString()).isEqualTo("absent");
    assertError(registry.get("/v2/" + name + "/manifests/" + unknown), 404, "MANIFEST_UNKNOWN");
    assertError(registry.get("/v2/" + repository("nowhere") + "/manifests/latest"), 404, "MANIFEST_UNKNOWN");
    assertError(registry.delete("/v2/" + name + "/manifests/" + unknown), 404, "MANIFEST_UNKNOWN");
    HttpResponse<byte[]> head = registry.head("/v2/" + name + "/manifests/absent");
    assertThat(head.statusCode()).isEqualTo(404);
    assertThat(head.body()).isEmpty();
  }

  @Test
  void keepsManifestsToTheirRepository() {
    Image image = registry.pushImage(name, "mine");
    String other = repository("manifests/other");
    registry.pushImage(other, "theirs");

    assertError(registry.get("/v2/" + other + "/manifests/" + image.digest()), 404, "MANIFEST_UNKNOWN");
    assertError(registry.get("/v2/" + other + "/manifests/mine"), 404, "MANIFEST_UNKNOWN");
  }

  @Test
  void refusesMalformedReference() {
    assertError(registry.get("/v2/" + name + "/manifests/sha256:short"), 400, "DIGEST_INVALID");
    assertError(registry.get("/v2/" + name + "/manifests/.dot"), 400, "TAG_INVALID");
  }

  private byte[] manifestOf(String mediaType) {
    return switch (mediaType) {
      case OCI_MANIFEST, DOCKER_MANIFEST -> registry.pushImage(name, "child", mediaType, 1).manifest();
      default -> {
        String childType = OCI_INDEX.equals(mediaType) ? OCI_MANIFEST : DOCKER_MANIFEST;
        Image child = registry.pushImage(name, "child", childType, 1);
        yield index(mediaType, List.of(Descriptor.of(childType, child.digest(), child.manifest().length)));
      }
    };
  }
}
