package dev.berth.registry.referrer;

import static dev.berth.oci.MediaTypes.OCI_EMPTY;
import static dev.berth.oci.MediaTypes.OCI_INDEX;
import static dev.berth.oci.MediaTypes.OCI_MANIFEST;
import static dev.berth.registry.TestContent.randomBytes;
import static dev.berth.registry.TestContent.repository;
import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.oci.Descriptor;
import dev.berth.oci.Digest;
import dev.berth.oci.ImageIndex;
import dev.berth.oci.OciJson;
import dev.berth.registry.AbstractRegistryIT;
import dev.berth.registry.RegistryClient.Image;
import dev.berth.registry.TestContent;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReferrersIT extends AbstractRegistryIT {

  private static final String SBOM = "application/vnd.example.sbom.v1+json";
  private static final String SIGNATURE = "application/vnd.example.signature.v1+json";

  private final String name = repository("referrers");
  private Image subject;
  private Descriptor subjectDescriptor;
  private Descriptor emptyConfig;

  @BeforeEach
  void pushSubject() {
    subject = registry.pushImage(name, "subject");
    subjectDescriptor = Descriptor.of(OCI_MANIFEST, subject.digest(), subject.manifest().length);
    byte[] empty = "{}".getBytes(StandardCharsets.UTF_8);
    registry.pushBlob(name, empty);
    emptyConfig = TestContent.descriptor(OCI_EMPTY, empty);
  }

  @Test
  void answersUnknownDigestWithEmptyIndex() {
    Digest unknown = Digest.sha256(randomBytes(10));

    HttpResponse<byte[]> response = registry.get("/v2/" + name + "/referrers/" + unknown);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue(OCI_INDEX);
    ImageIndex index = index(response);
    assertThat(index.schemaVersion()).isEqualTo(2);
    assertThat(index.mediaType()).isEqualTo(OCI_INDEX);
    assertThat(index.manifests()).isEmpty();
    assertThat(registry.get("/v2/" + repository("referrers-none") + "/referrers/" + unknown).statusCode())
        .isEqualTo(200);
  }

  @Test
  void listsReferrersWithArtifactTypeAndAnnotations() {
    byte[] sbom = TestContent.referrer(OCI_MANIFEST, SBOM, emptyConfig, subjectDescriptor,
        Map.of("org.opencontainers.image.created", "2026-11-28T00:00:00Z"));
    byte[] configTyped = TestContent.referrer(OCI_MANIFEST, null,
        Descriptor.of(SIGNATURE, emptyConfig.digest(), emptyConfig.size()), subjectDescriptor, null);
    byte[] indexReferrer = TestContent.json(new ImageIndex(2, OCI_INDEX, null, List.of(), subjectDescriptor,
        Map.of("kind", "bundle")));
    Digest sbomDigest = pushByDigest(OCI_MANIFEST, sbom);
    Digest configTypedDigest = pushByDigest(OCI_MANIFEST, configTyped);
    Digest indexDigest = pushByDigest(OCI_INDEX, indexReferrer);

    HttpResponse<byte[]> response = registry.get("/v2/" + name + "/referrers/" + subject.digest(),
        "Accept", OCI_INDEX);

    assertThat(response.headers().firstValue("OCI-Filters-Applied")).isEmpty();
    List<Descriptor> expected = List.of(
        new Descriptor(OCI_MANIFEST, sbomDigest, sbom.length, null,
            Map.of("org.opencontainers.image.created", "2026-11-28T00:00:00Z"), SBOM, null),
        new Descriptor(OCI_MANIFEST, configTypedDigest, configTyped.length, null, null, SIGNATURE, null),
        new Descriptor(OCI_INDEX, indexDigest, indexReferrer.length, null, Map.of("kind", "bundle"), null, null));
    assertThat(index(response).manifests()).containsExactlyInAnyOrderElementsOf(expected)
        .isSortedAccordingTo(Comparator.comparing(Descriptor::digest));
  }

  @Test
  void filtersByArtifactType() {
    Digest sbom = pushByDigest(OCI_MANIFEST,
        TestContent.referrer(OCI_MANIFEST, SBOM, emptyConfig, subjectDescriptor, null));
    pushByDigest(OCI_MANIFEST, TestContent.referrer(OCI_MANIFEST, SIGNATURE, emptyConfig, subjectDescriptor, null));

    HttpResponse<byte[]> response = registry.get("/v2/" + name + "/referrers/" + subject.digest()
        + "?artifactType=" + SBOM.replace("+", "%2B"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("OCI-Filters-Applied")).hasValue("artifactType");
    assertThat(index(response).manifests()).extracting(Descriptor::digest).containsExactly(sbom);
  }

  @Test
  void dropsDeletedReferrers() {
    Digest kept = pushByDigest(OCI_MANIFEST,
        TestContent.referrer(OCI_MANIFEST, SBOM, emptyConfig, subjectDescriptor, null));
    Digest dropped = pushByDigest(OCI_MANIFEST,
        TestContent.referrer(OCI_MANIFEST, SIGNATURE, emptyConfig, subjectDescriptor, null));

    assertThat(registry.delete("/v2/" + name + "/manifests/" + dropped).statusCode()).isEqualTo(202);

    assertThat(index(registry.get("/v2/" + name + "/referrers/" + subject.digest())).manifests())
        .extracting(Descriptor::digest).containsExactly(kept);
  }

  @Test
  void listsReferrersOnlyOfTheSameRepository() {
    String other = repository("referrers-other");
    registry.pushBlob(other, "{}".getBytes(StandardCharsets.UTF_8));
    Digest elsewhere = Digest.sha256(TestContent.referrer(OCI_MANIFEST, SBOM, emptyConfig, subjectDescriptor, null));
    registry.pushManifest(other, elsewhere.toString(), OCI_MANIFEST,
        TestContent.referrer(OCI_MANIFEST, SBOM, emptyConfig, subjectDescriptor, null));

    assertThat(index(registry.get("/v2/" + name + "/referrers/" + subject.digest())).manifests()).isEmpty();
    assertThat(index(registry.get("/v2/" + other + "/referrers/" + subject.digest())).manifests())
        .extracting(Descriptor::digest).containsExactly(elsewhere);
  }

  @Test
  void servesIndexPushedUnderReferrersTagSchema() {
    byte[] sbom = TestContent.referrer(OCI_MANIFEST, SBOM, emptyConfig, subjectDescriptor, null);
    byte[] fallback = TestContent.json(new ImageIndex(2, OCI_INDEX, null,
        List.of(new Descriptor(OCI_MANIFEST, pushByDigest(OCI_MANIFEST, sbom), sbom.length, null, null, SBOM, null)),
        null, null));
    String tag = subject.digest().toString().replace(':', '-');

    registry.pushManifest(name, tag, OCI_INDEX, fallback);

    assertThat(registry.get("/v2/" + name + "/manifests/" + tag).body()).isEqualTo(fallback);
    assertThat(new String(registry.get("/v2/" + name + "/tags/list").body())).contains(tag);
  }

  @Test
  void refusesInvalidDigest() {
    assertError(registry.get("/v2/" + name + "/referrers/sha256:nothex"), 400, "DIGEST_INVALID");
    assertError(registry.get("/v2/" + name + "/referrers/latest"), 400, "DIGEST_INVALID");
  }

  private Digest pushByDigest(String mediaType, byte[] manifest) {
    Digest digest = Digest.sha256(manifest);
    HttpResponse<byte[]> pushed = registry.put("/v2/" + name + "/manifests/" + digest, manifest,
        "Content-Type", mediaType);
    assertThat(pushed.statusCode()).isEqualTo(201);
    assertThat(pushed.headers().firstValue("OCI-Subject")).hasValue(subject.digest().toString());
    return digest;
  }

  private static ImageIndex index(HttpResponse<byte[]> response) {
    assertThat(response.statusCode()).isEqualTo(200);
    return OciJson.mapper().readValue(response.body(), ImageIndex.class);
  }
}
