package dev.berth.oci.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.berth.oci.MediaTypes;
import dev.berth.oci.Reference;
import dev.berth.oci.client.TestContent.Blob;
import dev.berth.testsupport.DistributionRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client against distribution configured with {@code auth: htpasswd:}, which challenges with Basic. */
class BasicAuthIT {

  /** {@code basic-user:basic-pass}, bcrypt at cost 5 (distribution's htpasswd accepts only bcrypt). */
  private static final String HTPASSWD =
      "basic-user:$2b$05$KSYLd81XkQ9z4Kq9eL3KL.KnezPAzDFBNQnGD4ioEUgnccuFLQclu\n";

  @TempDir
  static Path dir;

  private static DistributionRegistry registry;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(DistributionRegistry.installed(), "docker-registry (CNCF distribution) is not installed");
    Path htpasswd = Files.writeString(dir.resolve("htpasswd"), HTPASSWD);
    registry = DistributionRegistry.start("""
        auth:
          htpasswd:
            realm: berth-basic
            path: %s
        """.formatted(htpasswd));
  }

  @AfterAll
  static void stop() throws Exception {
    if (registry != null) {
      registry.close();
    }
  }

  @Test
  void pushesAndPullsWithBasicCredentials() throws Exception {
    RegistryClient client = client("basic-pass");
    Reference image = Reference.parse(registry.address() + "/basic/app:1", registry.address());
    Blob config = TestContent.config(dir, MediaTypes.OCI_CONFIG, "linux", "amd64");
    Blob layer = TestContent.randomLayer(dir, 3 << 20, 21);
    UploadOptions chunked = UploadOptions.defaults().withChunkSize(1 << 20);
    client.pushBlob(image, config.file(), config.digest(), chunked);
    client.pushBlob(image, layer.file(), layer.digest(), chunked);
    byte[] manifest = TestContent.imageManifest(MediaTypes.OCI_MANIFEST, config.descriptor(),
        List.of(layer.descriptor()));
    client.pushManifest(image, manifest, MediaTypes.OCI_MANIFEST);

    assertThat(client.fetchManifest(image).bytes()).isEqualTo(manifest);
    try (BlobStream blob = client.openBlob(image, layer.digest())) {
      assertThat(TestContent.digestOf(blob)).isEqualTo(layer.digest());
    }
  }

  @Test
  void refusesAWrongPasswordAndNoCredentialsAsUnauthorized() {
    Reference image = Reference.parse(registry.address() + "/basic/app:1", registry.address());

    assertThatThrownBy(() -> client("wrong").fetchManifest(image)).isInstanceOf(UnauthorizedException.class)
        .hasMessageContaining("were not accepted");
    assertThatThrownBy(() -> RegistryClient.builder().build().fetchManifest(image))
        .isInstanceOf(UnauthorizedException.class)
        .hasMessageContaining("no credentials");
  }

  private static RegistryClient client(String password) {
    return RegistryClient.builder()
        .credentials(CredentialProvider.of(Map.of(registry.address(), new Credentials("basic-user", password))))
        .build();
  }
}
