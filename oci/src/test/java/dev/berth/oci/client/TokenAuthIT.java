package dev.berth.oci.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.berth.oci.Digest;
import dev.berth.oci.MediaTypes;
import dev.berth.oci.Reference;
import dev.berth.oci.client.TestContent.Blob;
import dev.berth.testsupport.DistributionRegistry;
import dev.berth.testsupport.TokenServer;
import dev.berth.testsupport.TokenServer.TokenRequest;
import dev.berth.testsupport.TokenServer.User;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client against distribution configured with {@code auth: token:}, whose realm is a token
 * server started by the test (Basic credentials in, RS256 JWT with {@code x5c} out).
 */
class TokenAuthIT {

  private static final long MiB = 1L << 20;

  @TempDir
  static Path dir;

  private static TokenServer tokens;
  private static DistributionRegistry registry;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(DistributionRegistry.installed(), "docker-registry (CNCF distribution) is not installed");
    tokens = TokenServer.start(Map.of(
        "alice", new User("wonderland", Set.of("pull", "push")),
        "reader", new User("books", Set.of("pull"))));
    registry = DistributionRegistry.start(tokens.registryAuthConfig());
  }

  @AfterAll
  static void stop() throws Exception {
    if (registry != null) {
      registry.close();
    }
    if (tokens != null) {
      tokens.close();
    }
  }

  @Test
  void pushesAndPullsWithTheRightCredentials() throws Exception {
    RegistryClient alice = client("alice", "wonderland");
    Reference image = reference("auth/app:1.0");
    Blob config = TestContent.config(dir, MediaTypes.OCI_CONFIG, "linux", "amd64");
    Blob layer = TestContent.randomLayer(dir, 6 * MiB, 11);
    UploadOptions chunked = UploadOptions.defaults().withChunkSize(2 * MiB);

    alice.pushBlob(image, config.file(), config.digest(), chunked);
    alice.pushBlob(image, layer.file(), layer.digest(), chunked);
    byte[] manifest = TestContent.imageManifest(MediaTypes.OCI_MANIFEST, config.descriptor(),
        List.of(layer.descriptor()));
    Digest pushed = alice.pushManifest(image, manifest, MediaTypes.OCI_MANIFEST);

    RegistryClient reader = client("reader", "books");
    assertThat(reader.fetchManifest(image).bytes()).isEqualTo(manifest);
    assertThat(reader.fetchManifest(image.withTag(null).withDigest(pushed)).bytes()).isEqualTo(manifest);
    try (BlobStream blob = reader.openBlob(image, layer.digest())) {
      assertThat(TestContent.digestOf(blob)).isEqualTo(layer.digest());
    }
    try (BlobStream rest = reader.openBlob(image, layer.digest(), MiB, TestContent.hashOfPrefix(layer.file(), MiB),
        null)) {
      assertThat(TestContent.digestOf(rest)).isNotNull();
      assertThat(rest.position()).isEqualTo(layer.size());
    }
    assertThat(tokens.requests()).filteredOn(r -> "alice".equals(r.user()))
        .allSatisfy(r -> assertThat(r.service()).isEqualTo(TokenServer.SERVICE))
        .anySatisfy(r -> assertThat(r.scopes()).contains("repository:auth/app:pull,push"));
  }

  @Test
  void answersTheChallengeToAClientsFirstRequestAndResendsItsBody() throws Exception {
    Reference image = reference("auth/first-put:v1");
    Blob config = TestContent.config(dir, MediaTypes.OCI_CONFIG, "linux", "amd64");
    client("alice", "wonderland").pushBlob(image, config.file(), config.digest(), UploadOptions.defaults());
    byte[] manifest = TestContent.imageManifest(MediaTypes.OCI_MANIFEST, config.descriptor(), List.of());

    Digest pushed = client("alice", "wonderland").pushManifest(image, manifest, MediaTypes.OCI_MANIFEST);

    assertThat(pushed).isEqualTo(Digest.sha256(manifest));
    assertThat(Files.readString(registry.log())).contains("\"PUT /v2/auth/first-put/manifests/v1 HTTP/1.1\" 401")
        .contains("\"PUT /v2/auth/first-put/manifests/v1 HTTP/1.1\" 201");
  }

  @Test
  void reusesACachedTokenForTheSameScope() throws Exception {
    RegistryClient alice = client("alice", "wonderland");
    Reference image = pushSmallImage(alice, "auth/cached:v1");
    RegistryClient reader = client("reader", "books");

    int before = tokens.requests().size();
    reader.fetchManifest(image);
    reader.fetchManifest(image);
    reader.resolveManifest(image);

    assertThat(tokens.requests().size() - before).isEqualTo(1);
  }

  @Test
  void asksForBothRepositoriesWhenMounting() throws Exception {
    RegistryClient alice = client("alice", "wonderland");
    Reference source = reference("auth/mount-from");
    Reference target = reference("auth/mount-to");
    Blob blob = TestContent.randomLayer(dir, 20_000, 12);
    alice.pushBlob(source, blob.file(), blob.digest(), UploadOptions.defaults());

    BlobPushOutcome outcome = alice.pushBlob(target, blob.file(), blob.digest(),
        UploadOptions.defaults().withMountFrom(source.repository()));

    assertThat(outcome).isEqualTo(BlobPushOutcome.MOUNTED);
    assertThat(tokens.requests()).extracting(TokenRequest::scopes)
        .contains(List.of("repository:auth/mount-to:pull,push", "repository:auth/mount-from:pull"));
  }

  @Test
  void renewsAnExpiredTokenBeforeSendingTheNextChunk() throws Exception {
    MutableClock clock = new MutableClock();
    RegistryClient alice = RegistryClient.builder().clock(clock)
        .credentials(CredentialProvider.of(Map.of(registry.address(), new Credentials("alice", "wonderland"))))
        .build();
    Reference repository = reference("auth/renew");
    Blob layer = TestContent.randomLayer(dir, 3 * MiB, 14);
    AtomicBoolean expired = new AtomicBoolean();
    UploadOptions chunked = UploadOptions.defaults().withChunkSize(MiB).withProgress(done -> {
      if (done >= MiB && !expired.getAndSet(true)) {
        clock.advance(Duration.ofHours(1));
      }
    });
    int before = tokens.requests().size();

    assertThat(alice.pushBlob(repository, layer.file(), layer.digest(), chunked)).isEqualTo(BlobPushOutcome.UPLOADED);

    assertThat(expired).isTrue();
    assertThat(tokens.requests().size() - before).isEqualTo(2);
    assertThat(Files.readString(registry.log())).containsPattern("\"PATCH /v2/auth/renew/blobs/uploads/[^\"]*\" 202")
        .doesNotContainPattern("\"PATCH /v2/auth/renew/blobs/uploads/[^\"]*\" 401");
  }

  @Test
  void refusesAWrongPasswordAsUnauthorized() throws Exception {
    Reference image = pushSmallImage(client("alice", "wonderland"), "auth/guarded:v1");
    RegistryClient wrong = client("alice", "not-the-password");

    assertThatThrownBy(() -> wrong.fetchManifest(image))
        .isInstanceOf(UnauthorizedException.class)
        .hasMessageContaining("refused the credentials of \"alice\"")
        .satisfies(e -> assertThat(((UnauthorizedException) e).status()).isEqualTo(401));
    assertThatThrownBy(() -> wrong.ping(registry.address())).isInstanceOf(UnauthorizedException.class);
  }

  @Test
  void refusesAnonymousPullsAsUnauthorized() throws Exception {
    Reference image = pushSmallImage(client("alice", "wonderland"), "auth/private:v1");
    RegistryClient anonymous = RegistryClient.builder().build();

    assertThatThrownBy(() -> anonymous.fetchManifest(image))
        .isInstanceOf(UnauthorizedException.class)
        .hasMessageContaining("authentication required and there are no credentials for " + registry.address())
        .satisfies(e -> assertThat(((UnauthorizedException) e).hasCode("UNAUTHORIZED")).isTrue());
  }

  @Test
  void refusesPushesByAUserWhoMayOnlyPull() throws Exception {
    RegistryClient reader = client("reader", "books");
    Reference image = reference("auth/readonly:v1");
    Blob blob = TestContent.randomLayer(dir, 1_000, 13);

    assertThatThrownBy(() -> reader.pushBlob(image, blob.file(), blob.digest(), UploadOptions.defaults()))
        .isInstanceOf(UnauthorizedException.class)
        .hasMessageContaining("the credentials for " + registry.address()
            + " do not grant [repository:auth/readonly:pull,push]");
  }

  @Test
  void acceptsATokenAnswerWithOnlyAccessToken() throws Exception {
    Reference image = pushSmallImage(client("alice", "wonderland"), "auth/oauth:v1");
    tokens.answerWithAccessTokenOnly(true);
    try {
      assertThat(client("reader", "books").fetchManifest(image).mediaType()).isEqualTo(MediaTypes.OCI_MANIFEST);
    } finally {
      tokens.answerWithAccessTokenOnly(false);
    }
  }

  @Test
  void pingsWithCredentials() throws Exception {
    client("reader", "books").ping(registry.address());
  }

  private static Reference pushSmallImage(RegistryClient client, String path) throws Exception {
    Reference image = reference(path);
    Blob config = TestContent.config(dir, MediaTypes.OCI_CONFIG, "linux", "amd64");
    client.pushBlob(image, config.file(), config.digest(), UploadOptions.defaults());
    client.pushManifest(image, TestContent.imageManifest(MediaTypes.OCI_MANIFEST, config.descriptor(), List.of()),
        MediaTypes.OCI_MANIFEST);
    return image;
  }

  private static RegistryClient client(String user, String password) {
    return RegistryClient.builder()
        .credentials(CredentialProvider.of(Map.of(registry.address(), new Credentials(user, password))))
        .build();
  }

  private static Reference reference(String path) {
    return Reference.parse(registry.address() + "/" + path, registry.address());
  }
}
