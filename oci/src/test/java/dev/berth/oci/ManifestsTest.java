package dev.berth.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ManifestsTest {

  private static byte[] golden(String name) throws IOException {
    try (InputStream in = ManifestsTest.class.getResourceAsStream("/golden/" + name)) {
      return in.readAllBytes();
    }
  }

  @Test
  void readsOciImageManifestToleratingUnknownFields() throws IOException {
    Manifest manifest = Manifests.parse(golden("oci-manifest.json"), null);

    assertThat(manifest).isInstanceOf(ImageManifest.class);
    assertThat(manifest.mediaType()).isEqualTo(MediaTypes.OCI_MANIFEST);
    assertThat(manifest.blobs()).extracting(d -> d.digest().encoded().substring(0, 6))
        .containsExactly("b5b2b2", "983487", "3c3a46");
    assertThat(manifest.effectiveArtifactType()).isEqualTo(MediaTypes.OCI_CONFIG);
    assertThat(manifest.annotations()).containsEntry("com.example.key1", "value1");
    assertThat(manifest.manifests()).isEmpty();
  }

  @Test
  void layersFromUrlsOrNonDistributableNeedNotBePresent() throws IOException {
    Manifest manifest = Manifests.parse(golden("oci-manifest.json"), null);

    assertThat(manifest.blobs()).extracting(Descriptor::mustBePresent).containsExactly(true, true, false);
  }

  @Test
  void readsOciIndexWithPlatforms() throws IOException {
    Manifest manifest = Manifests.parse(golden("oci-index.json"), MediaTypes.OCI_INDEX);

    assertThat(manifest).isInstanceOf(ImageIndex.class);
    assertThat(manifest.blobs()).isEmpty();
    assertThat(manifest.manifests()).hasSize(2);
    assertThat(manifest.manifests().get(1).platform().osVersion()).isEqualTo("10.0.14393.1066");
    assertThat(manifest.manifests().get(1).platform().variant()).isEqualTo("v3");
  }

  @Test
  void readsDockerSchema2ManifestAndList() throws IOException {
    assertThat(Manifests.parse(golden("docker-manifest.json"), null).mediaType())
        .isEqualTo(MediaTypes.DOCKER_MANIFEST);
    Manifest list = Manifests.parse(golden("docker-manifest-list.json"), null);
    assertThat(list).isInstanceOf(ImageIndex.class);
    assertThat(list.mediaType()).isEqualTo(MediaTypes.DOCKER_MANIFEST_LIST);
  }

  @Test
  void readsArtifactTypeAndSubject() throws IOException {
    Manifest manifest = Manifests.parse(golden("artifact-with-subject.json"), null);

    assertThat(manifest.effectiveArtifactType()).isEqualTo("application/vnd.example.sbom.v1");
    assertThat(manifest.subject().digest().encoded()).startsWith("5b0bcabd");
  }

  @Test
  void takesMediaTypeFromContentTypeWhenTheDocumentHasNone() {
    byte[] bytes = """
        {"schemaVersion":2,"manifests":[]}""".getBytes(StandardCharsets.UTF_8);

    assertThat(Manifests.parse(bytes, MediaTypes.DOCKER_MANIFEST_LIST + "; charset=utf-8").mediaType())
        .isEqualTo(MediaTypes.DOCKER_MANIFEST_LIST);
    assertThat(Manifests.parse(bytes, "application/json").mediaType()).isEqualTo(MediaTypes.OCI_INDEX);
  }

  @Test
  void rejectsMediaTypeThatContradictsContentType() throws IOException {
    byte[] bytes = golden("oci-manifest.json");

    assertThatThrownBy(() -> Manifests.parse(bytes, MediaTypes.DOCKER_MANIFEST))
        .isInstanceOf(InvalidManifestException.class).hasMessageContaining("does not match");
  }

  @Test
  void rejectsWhatIsNotASupportedManifest() {
    assertThatThrownBy(() -> parse("not json")).isInstanceOf(InvalidManifestException.class);
    assertThatThrownBy(() -> parse("[]")).isInstanceOf(InvalidManifestException.class);
    assertThatThrownBy(() -> parse("{\"schemaVersion\":1,\"config\":{}}"))
        .isInstanceOf(InvalidManifestException.class);
    assertThatThrownBy(() -> parse("{\"schemaVersion\":2,\"mediaType\":"
        + "\"application/vnd.docker.distribution.manifest.v1+prettyjws\"}"))
        .isInstanceOf(InvalidManifestException.class).hasMessageContaining("unsupported");
    assertThatThrownBy(() -> parse("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\"}"))
        .isInstanceOf(InvalidManifestException.class).hasMessageContaining("no config");
    assertThatThrownBy(() -> parse("{\"schemaVersion\":2,\"config\":{\"mediaType\":\"x\",\"digest\":\"sha256:zz\","
        + "\"size\":1}}")).isInstanceOf(InvalidManifestException.class);
    assertThatThrownBy(() -> parse("{\"schemaVersion\":2,\"config\":{\"mediaType\":\"x\",\"size\":1}}"))
        .isInstanceOf(InvalidManifestException.class).hasMessageContaining("lacks digest");
    assertThatThrownBy(() -> parse("{\"schemaVersion\":2}")).isInstanceOf(InvalidManifestException.class);
  }

  private static Manifest parse(String json) {
    return Manifests.parse(json.getBytes(StandardCharsets.UTF_8), null);
  }
}
