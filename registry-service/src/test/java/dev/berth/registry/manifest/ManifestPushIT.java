package dev.berth.registry.manifest;

import static dev.berth.oci.MediaTypes.DOCKER_MANIFEST;
import static dev.berth.oci.MediaTypes.DOCKER_MANIFEST_LIST;
import static dev.berth.oci.MediaTypes.OCI_INDEX;
import static dev.berth.oci.MediaTypes.OCI_LAYER_GZIP;
import static dev.berth.oci.MediaTypes.OCI_MANIFEST;
import static dev.berth.registry.TestContent.descriptor;
import static dev.berth.registry.TestContent.imageManifest;
import static dev.berth.registry.TestContent.index;
import static dev.berth.registry.TestContent.randomBytes;
import static dev.berth.registry.TestContent.repository;
import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.oci.Descriptor;
import dev.berth.oci.Digest;
import dev.berth.oci.DigestAlgorithm;
import dev.berth.oci.ImageManifest;
import dev.berth.registry.AbstractRegistryIT;
import dev.berth.registry.RegistryClient.Image;
import dev.berth.registry.TestContent;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ManifestPushIT extends AbstractRegistryIT {

  private final String name = repository("manifests/push");

  @ParameterizedTest
  @ValueSource(strings = {OCI_MANIFEST, DOCKER_MANIFEST})
  void pushesImageManifestByTag(String mediaType) {
    Image image = registry.pushImage(name, "seed", mediaType, 2);

    HttpResponse<byte[]> pushed = registry.put("/v2/" + name + "/manifests/1.0", image.manifest(),
        "Content-Type", mediaType);

    assertThat(pushed.statusCode()).isEqualTo(201);
    assertThat(pushed.headers().firstValue("Docker-Content-Digest")).hasValue(image.digest().toString());
    assertThat(pushed.headers().firstValue("Location")).hasValue("/v2/" + name + "/manifests/" + image.digest());
    assertThat(pushed.headers().firstValue("OCI-Subject")).isEmpty();
    HttpResponse<byte[]> pulled = registry.get("/v2/" + name + "/manifests/1.0");
    assertThat(pulled.body()).isEqualTo(image.manifest());
    assertThat(pulled.headers().firstValue("Content-Type")).hasValue(mediaType);
  }

  @ParameterizedTest
  @ValueSource(strings = {OCI_MANIFEST, DOCKER_MANIFEST})
  void pushesImageManifestByDigest(String mediaType) {
    Image image = registry.pushImage(name, "seed", mediaType, 1);
    byte[] untagged = imageManifest(mediaType, image.config(), List.of());
    Digest digest = Digest.sha256(untagged);

    HttpResponse<byte[]> pushed = registry.put("/v2/" + name + "/manifests/" + digest, untagged,
        "Content-Type", mediaType);

    assertThat(pushed.statusCode()).isEqualTo(201);
    assertThat(pushed.headers().firstValue("Docker-Content-Digest")).hasValue(digest.toString());
    assertThat(registry.get("/v2/" + name + "/manifests/" + digest).body()).isEqualTo(untagged);
  }

  @ParameterizedTest
  @ValueSource(strings = {OCI_INDEX, DOCKER_MANIFEST_LIST})
  void pushesIndexOfPushedManifestsByTagAndByDigest(String mediaType) {
    String childType = OCI_INDEX.equals(mediaType) ? OCI_MANIFEST : DOCKER_MANIFEST;
    Image amd64 = registry.pushImage(name, "amd64", childType, 1);
    Image arm64 = registry.pushImage(name, "arm64", childType, 1);
    byte[] list = index(mediaType, List.of(
        Descriptor.of(childType, amd64.digest(), amd64.manifest().length),
        Descriptor.of(childType, arm64.digest(), arm64.manifest().length)));
    Digest digest = Digest.sha256(list);

    assertThat(registry.pushManifest(name, "multi", mediaType, list)).isEqualTo(digest);
    HttpResponse<byte[]> byDigest = registry.put("/v2/" + name + "/manifests/" + digest, list,
        "Content-Type", mediaType);

    assertThat(byDigest.statusCode()).isEqualTo(201);
    assertThat(byDigest.headers().firstValue("Docker-Content-Digest")).hasValue(digest.toString());
    HttpResponse<byte[]> pulled = registry.get("/v2/" + name + "/manifests/multi");
    assertThat(pulled.body()).isEqualTo(list);
    assertThat(pulled.headers().firstValue("Content-Type")).hasValue(mediaType);
  }

  @Test
  void pushesManifestByDigestUnderSha512() {
    Image image = registry.pushImage(name, "seed");
    byte[] manifest = imageManifest(OCI_MANIFEST, image.config(), List.of());
    Digest digest = Digest.of(DigestAlgorithm.SHA512, manifest);

    HttpResponse<byte[]> pushed = registry.put("/v2/" + name + "/manifests/" + digest, manifest,
        "Content-Type", OCI_MANIFEST);

    assertThat(pushed.statusCode()).isEqualTo(201);
    assertThat(pushed.headers().firstValue("Docker-Content-Digest")).hasValue(digest.toString());
    HttpResponse<byte[]> pulled = registry.get("/v2/" + name + "/manifests/" + digest);
    assertThat(pulled.body()).isEqualTo(manifest);
    assertThat(pulled.headers().firstValue("Docker-Content-Digest")).hasValue(digest.toString());
  }

  @Test
  void ignoresContentTypeParameters() {
    Image image = registry.pushImage(name, "seed");

    HttpResponse<byte[]> pushed = registry.put("/v2/" + name + "/manifests/params", image.manifest(),
        "Content-Type", OCI_MANIFEST + "; charset=utf-8");

    assertThat(pushed.statusCode()).isEqualTo(201);
    assertThat(registry.get("/v2/" + name + "/manifests/params").headers().firstValue("Content-Type"))
        .hasValue(OCI_MANIFEST);
  }

  @Test
  void infersMediaTypeWhenContentTypeIsMissing() {
    Image image = registry.pushImage(name, "seed");
    byte[] withoutMediaType = TestContent.json(new ImageManifest(2, null, null, image.config(), image.layers(), null,
        null));

    assertThat(registry.put("/v2/" + name + "/manifests/inferred", withoutMediaType).statusCode()).isEqualTo(201);

    HttpResponse<byte[]> pulled = registry.get("/v2/" + name + "/manifests/inferred");
    assertThat(pulled.body()).isEqualTo(withoutMediaType);
    assertThat(pulled.headers().firstValue("Content-Type")).hasValue(OCI_MANIFEST);
  }

  @Test
  void movesTagToManifestOfAnotherMediaType() {
    Image image = registry.pushImage(name, "moving");
    byte[] list = index(OCI_INDEX, List.of(Descriptor.of(OCI_MANIFEST, image.digest(), image.manifest().length)));
    registry.pushManifest(name, "moving", OCI_INDEX, list);

    HttpResponse<byte[]> pulled = registry.get("/v2/" + name + "/manifests/moving");

    assertThat(pulled.body()).isEqualTo(list);
    assertThat(pulled.headers().firstValue("Content-Type")).hasValue(OCI_INDEX);
  }

  @Test
  void rejectsManifestWhoseDigestDoesNotMatchReference() {
    Image image = registry.pushImage(name, "seed");
    Digest other = Digest.sha256(randomBytes(10));

    var error = assertError(registry.put("/v2/" + name + "/manifests/" + other, image.manifest(),
        "Content-Type", OCI_MANIFEST), 400, "DIGEST_INVALID");
    assertThat(error.get("detail").get("digest").asString()).isEqualTo(other.toString());
    assertError(registry.get("/v2/" + name + "/manifests/" + other), 404, "MANIFEST_UNKNOWN");
  }

  @Test
  void rejectsManifestReferencingBlobUnknownToRepository() {
    Image image = registry.pushImage(name, "seed");
    Descriptor missing = descriptor(OCI_LAYER_GZIP, randomBytes(50));
    byte[] elsewhere = randomBytes(50);
    registry.pushBlob(repository("manifests/elsewhere"), elsewhere);

    var error = assertError(push("missing-layer",
        imageManifest(OCI_MANIFEST, image.config(), List.of(missing))), 400, "MANIFEST_BLOB_UNKNOWN");
    assertThat(error.get("detail").get("digest").asString()).isEqualTo(missing.digest().toString());
    assertError(push("missing-config", imageManifest(OCI_MANIFEST, missing, image.layers())), 400,
        "MANIFEST_BLOB_UNKNOWN");
    assertError(push("other-repository", imageManifest(OCI_MANIFEST, image.config(),
        List.of(descriptor(OCI_LAYER_GZIP, elsewhere)))), 400, "MANIFEST_BLOB_UNKNOWN");
    assertError(registry.get("/v2/" + name + "/manifests/missing-layer"), 404, "MANIFEST_UNKNOWN");
  }

  @Test
  void rejectsIndexWithUnknownChildManifest() {
    Image image = registry.pushImage(name, "seed");
    Descriptor child = Descriptor.of(OCI_MANIFEST, image.digest(), image.manifest().length);
    Descriptor unknown = Descriptor.of(OCI_MANIFEST, Digest.sha256(randomBytes(10)), 500);
    byte[] blobAsChild = randomBytes(64);
    registry.pushBlob(name, blobAsChild);

    var error = assertError(push("index", OCI_INDEX, index(OCI_INDEX, List.of(child, unknown))), 400,
        "MANIFEST_BLOB_UNKNOWN");
    assertThat(error.get("detail").get("digest").asString()).isEqualTo(unknown.digest().toString());
    assertError(push("index", OCI_INDEX, index(OCI_INDEX, List.of(descriptor(OCI_MANIFEST, blobAsChild)))), 400,
        "MANIFEST_BLOB_UNKNOWN");
    assertThat(push("index", OCI_INDEX, index(OCI_INDEX, List.of(child))).statusCode()).isEqualTo(201);
  }

  @Test
  void rejectsInvalidManifests() {
    Image image = registry.pushImage(name, "seed");
    String config = new String(TestContent.json(image.config()), StandardCharsets.UTF_8);

    assertError(push("bad", "{not json".getBytes(StandardCharsets.UTF_8)), 400, "MANIFEST_INVALID");
    assertError(push("bad", "[1, 2]".getBytes(StandardCharsets.UTF_8)), 400, "MANIFEST_INVALID");
    assertError(registry.put("/v2/" + name + "/manifests/bad", image.manifest(), "Content-Type", DOCKER_MANIFEST),
        400, "MANIFEST_INVALID");
    assertError(push("bad", ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.example+json\",\"config\":"
        + config + ",\"layers\":[]}").getBytes(StandardCharsets.UTF_8)), 400, "MANIFEST_INVALID");
    assertError(push("bad", ("{\"schemaVersion\":1,\"config\":" + config + ",\"layers\":[]}")
        .getBytes(StandardCharsets.UTF_8)), 400, "MANIFEST_INVALID");
    assertError(push("bad", ("{\"schemaVersion\":2,\"mediaType\":\"" + OCI_MANIFEST + "\",\"layers\":[]}")
        .getBytes(StandardCharsets.UTF_8)), 400, "MANIFEST_INVALID");
    assertError(push("bad", ("{\"schemaVersion\":2,\"mediaType\":\"" + OCI_MANIFEST + "\",\"config\":"
        + config.replace(image.config().digest().toString(), "sha256:nothex") + ",\"layers\":[]}")
        .getBytes(StandardCharsets.UTF_8)), 400, "MANIFEST_INVALID");
    assertError(registry.get("/v2/" + name + "/manifests/bad"), 404, "MANIFEST_UNKNOWN");
  }

  @Test
  void acceptsManifestOfExactlyTheLimitAndRefusesOneByteMoreWith413() {
    Image image = registry.pushImage(name, "seed");
    int limit = 4 * 1024 * 1024;

    assertThat(push("at-limit", manifestOfSize(image, limit)).statusCode()).isEqualTo(201);
    assertError(push("over-limit", manifestOfSize(image, limit + 1)), 413, "SIZE_INVALID");
    assertError(registry.get("/v2/" + name + "/manifests/over-limit"), 404, "MANIFEST_UNKNOWN");
  }

  @Test
  void acceptsExternalAndNonDistributableLayersWithoutTheirBlobs() {
    Image image = registry.pushImage(name, "seed");
    Descriptor external = new Descriptor(OCI_LAYER_GZIP, Digest.sha256(randomBytes(10)), 10,
        List.of("https://example.com/layer.tar.gz"), null, null, null);
    Descriptor nonDistributable = Descriptor.of("application/vnd.oci.image.layer.nondistributable.v1.tar+gzip",
        Digest.sha256(randomBytes(10)), 10);
    Descriptor foreign = Descriptor.of("application/vnd.docker.image.rootfs.foreign.diff.tar.gzip",
        Digest.sha256(randomBytes(10)), 10);

    HttpResponse<byte[]> pushed = push("external",
        imageManifest(OCI_MANIFEST, image.config(), List.of(external, nonDistributable, foreign)));

    assertThat(pushed.statusCode()).isEqualTo(201);
  }

  @Test
  void acceptsManifestWhoseSubjectIsMissingAndAnswersOciSubject() {
    Image image = registry.pushImage(name, "seed");
    Descriptor subject = Descriptor.of(OCI_MANIFEST, Digest.sha256(randomBytes(10)), 123);
    byte[] referrer = TestContent.referrer(OCI_MANIFEST, "application/vnd.example.sbom", image.config(), subject,
        null);

    HttpResponse<byte[]> pushed = registry.put("/v2/" + name + "/manifests/" + Digest.sha256(referrer), referrer,
        "Content-Type", OCI_MANIFEST);

    assertThat(pushed.statusCode()).isEqualTo(201);
    assertThat(pushed.headers().firstValue("OCI-Subject")).hasValue(subject.digest().toString());
    assertError(registry.get("/v2/" + name + "/manifests/" + subject.digest()), 404, "MANIFEST_UNKNOWN");
  }

  @Test
  void rejectsInvalidTag() {
    Image image = registry.pushImage(name, "seed");

    assertError(push("-starts-with-dash", image.manifest()), 400, "TAG_INVALID");
    assertError(push("t".repeat(129), image.manifest()), 400, "TAG_INVALID");
    assertThat(push("t".repeat(128), image.manifest()).statusCode()).isEqualTo(201);
  }

  private HttpResponse<byte[]> push(String reference, byte[] manifest) {
    return push(reference, OCI_MANIFEST, manifest);
  }

  private HttpResponse<byte[]> push(String reference, String mediaType, byte[] manifest) {
    return registry.put("/v2/" + name + "/manifests/" + reference, manifest, "Content-Type", mediaType);
  }

  /** A valid manifest of {@code image}'s blobs padded by an annotation to exactly {@code size} bytes. */
  private static byte[] manifestOfSize(Image image, int size) {
    int bare = TestContent.json(manifest(image, "")).length;
    byte[] bytes = TestContent.json(manifest(image, "x".repeat(size - bare)));
    assertThat(bytes).hasSize(size);
    return bytes;
  }

  private static ImageManifest manifest(Image image, String padding) {
    return new ImageManifest(2, OCI_MANIFEST, null, image.config(), image.layers(), null,
        Map.of("padding", padding));
  }
}
