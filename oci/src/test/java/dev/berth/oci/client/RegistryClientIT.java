package dev.berth.oci.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.berth.oci.Descriptor;
import dev.berth.oci.Digest;
import dev.berth.oci.MediaTypes;
import dev.berth.oci.Platforms;
import dev.berth.oci.Reference;
import dev.berth.oci.client.TestContent.Blob;
import dev.berth.testsupport.DistributionRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client against a real distribution registry without authentication. */
class RegistryClientIT {

  private static final long MiB = 1L << 20;

  @TempDir
  static Path dir;

  private static DistributionRegistry registry;
  private static RegistryClient client;

  @BeforeAll
  static void startRegistry() throws Exception {
    assumeTrue(DistributionRegistry.installed(), "docker-registry (CNCF distribution) is not installed");
    registry = DistributionRegistry.start();
    client = RegistryClient.builder().build();
  }

  @AfterAll
  static void stopRegistry() throws Exception {
    if (registry != null) {
      registry.close();
    }
  }

  @Test
  void pushesAnImageAndPullsItBackByTagAndByDigest() throws Exception {
    Reference image = reference("it/roundtrip:v1");
    Blob config = TestContent.config(dir, MediaTypes.OCI_CONFIG, "linux", "amd64");
    Blob small = TestContent.randomLayer(dir, 3000, 1);
    Blob large = TestContent.randomLayer(dir, 20 * MiB, 2);
    List<Long> progress = new CopyOnWriteArrayList<>();
    UploadOptions chunked = UploadOptions.defaults().withChunkSize(5 * MiB).withProgress(progress::add);

    assertThat(client.pushBlob(image, config.file(), config.digest(), chunked)).isEqualTo(BlobPushOutcome.UPLOADED);
    assertThat(client.pushBlob(image, small.file(), small.digest(), chunked)).isEqualTo(BlobPushOutcome.UPLOADED);
    progress.clear();
    assertThat(client.pushBlob(image, large.file(), large.digest(), chunked)).isEqualTo(BlobPushOutcome.UPLOADED);
    byte[] manifest = TestContent.imageManifest(MediaTypes.OCI_MANIFEST, config.descriptor(),
        List.of(small.descriptor(), large.descriptor()));
    Digest pushed = client.pushManifest(image, manifest, MediaTypes.OCI_MANIFEST);

    assertThat(progress).isSorted().last().isEqualTo(20 * MiB);
    assertThat(occurrences(Files.readString(registry.log()), "\"PATCH /v2/it/roundtrip/blobs/uploads/")).isEqualTo(4);
    assertThat(pushed).isEqualTo(Digest.sha256(manifest));
    ManifestContent byTag = client.fetchManifest(image);
    ManifestContent byDigest = client.fetchManifest(image.withTag(null).withDigest(pushed));
    assertThat(byTag.bytes()).isEqualTo(manifest);
    assertThat(byTag.mediaType()).isEqualTo(MediaTypes.OCI_MANIFEST);
    assertThat(byTag.digest()).isEqualTo(pushed);
    assertThat(byDigest).isEqualTo(byTag);
    assertThat(client.resolveManifest(image)).contains(Descriptor.of(MediaTypes.OCI_MANIFEST, pushed, manifest.length));
    for (Blob blob : List.of(config, small, large)) {
      try (BlobStream stream = client.openBlob(image, blob.digest())) {
        assertThat(TestContent.digestOf(stream)).isEqualTo(blob.digest());
        assertThat(stream.verifies()).isTrue();
        assertThat(stream.position()).isEqualTo(blob.size());
      }
    }
    assertThat(client.pushBlob(image, large.file(), large.digest(), chunked))
        .isEqualTo(BlobPushOutcome.ALREADY_EXISTS);
  }

  @Test
  void resumesABlobReadFromAnOffset() throws Exception {
    Reference repository = reference("it/resume");
    Blob blob = TestContent.randomLayer(dir, 3 * MiB, 3);
    client.pushBlob(repository, blob.file(), blob.digest(), UploadOptions.defaults());
    long offset = MiB + 7;
    byte[] tail = Files.readAllBytes(blob.file());
    tail = java.util.Arrays.copyOfRange(tail, (int) offset, tail.length);
    List<Long> progress = new CopyOnWriteArrayList<>();

    try (BlobStream rest = client.openBlob(repository, blob.digest(), offset,
        TestContent.hashOfPrefix(blob.file(), offset), progress::add)) {
      assertThat(rest.offset()).isEqualTo(offset);
      assertThat(rest.size()).isEqualTo(blob.size());
      assertThat(rest.readAllBytes()).isEqualTo(tail);
      assertThat(rest.verifies()).isTrue();
    }
    assertThat(progress).first().matches(p -> p > offset);
    assertThat(progress).last().isEqualTo(blob.size());
    try (BlobStream unverified = client.openBlob(repository, blob.digest(), offset, null, null)) {
      assertThat(unverified.readAllBytes()).isEqualTo(tail);
      assertThat(unverified.verifies()).isFalse();
    }
    try (BlobStream nothingLeft = client.openBlob(repository, blob.digest(), blob.size(), null, null)) {
      assertThat(nothingLeft.readAllBytes()).isEmpty();
    }
  }

  @Test
  void refusesAResumedBlobWhosePrefixHashIsWrong() throws Exception {
    Reference repository = reference("it/resume-wrong");
    Blob blob = TestContent.randomLayer(dir, 100_000, 4);
    client.pushBlob(repository, blob.file(), blob.digest(), UploadOptions.defaults());

    try (BlobStream rest = client.openBlob(repository, blob.digest(), 10, TestContent.hashOfPrefix(blob.file(), 9),
        null)) {
      assertThatThrownBy(rest::readAllBytes).isInstanceOf(ContentVerificationException.class);
    }
  }

  @Test
  void mountsABlobFromAnotherRepositoryAndUploadsWhenTheMountIsRefused() throws Exception {
    Reference source = reference("it/mount-source");
    Reference target = reference("it/mount-target");
    Blob blob = TestContent.randomLayer(dir, 50_000, 5);
    Blob unknown = TestContent.randomLayer(dir, 60_000, 6);
    client.pushBlob(source, blob.file(), blob.digest(), UploadOptions.defaults());

    BlobPushOutcome mounted = client.pushBlob(target, blob.file(), blob.digest(),
        UploadOptions.defaults().withMountFrom(source.repository()));
    BlobPushOutcome fallback = client.pushBlob(target, unknown.file(), unknown.digest(),
        UploadOptions.defaults().withMountFrom(source.repository()));

    assertThat(mounted).isEqualTo(BlobPushOutcome.MOUNTED);
    assertThat(client.statBlob(target, blob.digest())).hasValue(blob.size());
    assertThat(fallback).isEqualTo(BlobPushOutcome.UPLOADED);
    assertThat(client.statBlob(target, unknown.digest())).hasValue(unknown.size());
    assertThat(client.statBlob(source, unknown.digest())).isEmpty();
  }

  @Test
  void selectsThePlatformFromAnIndex() throws Exception {
    Reference multi = reference("it/multi:multi");
    Blob layer = TestContent.randomLayer(dir, 10_000, 7);
    Blob amd64Config = TestContent.config(dir, MediaTypes.OCI_CONFIG, "linux", "amd64");
    Blob arm64Config = TestContent.config(dir, MediaTypes.OCI_CONFIG, "linux", "arm64");
    for (Blob blob : List.of(layer, amd64Config, arm64Config)) {
      client.pushBlob(multi, blob.file(), blob.digest(), UploadOptions.defaults());
    }
    byte[] amd64 = TestContent.imageManifest(MediaTypes.OCI_MANIFEST, amd64Config.descriptor(),
        List.of(layer.descriptor()));
    byte[] arm64 = TestContent.imageManifest(MediaTypes.OCI_MANIFEST, arm64Config.descriptor(),
        List.of(layer.descriptor()));
    for (byte[] manifest : List.of(amd64, arm64)) {
      client.pushManifest(multi.withTag(null).withDigest(Digest.sha256(manifest)), manifest, MediaTypes.OCI_MANIFEST);
    }
    byte[] index = TestContent.index(MediaTypes.OCI_INDEX, List.of(
        TestContent.entry(MediaTypes.OCI_MANIFEST, amd64, Platforms.of("linux", "amd64", null)),
        TestContent.entry(MediaTypes.OCI_MANIFEST, arm64, Platforms.of("linux", "arm64", "v8"))));
    Digest indexDigest = client.pushManifest(multi, index, MediaTypes.OCI_INDEX);

    ResolvedImage forAmd64 = client.resolveImage(multi, Platforms.LINUX_AMD64);
    ResolvedImage forArm64 = client.resolveImage(multi, Platforms.parse("linux/arm64"));

    assertThat(forAmd64.index().digest()).isEqualTo(indexDigest);
    assertThat(forAmd64.index().bytes()).isEqualTo(index);
    assertThat(forAmd64.manifest().digest()).isEqualTo(Digest.sha256(amd64));
    assertThat(forAmd64.imageManifest().config()).isEqualTo(amd64Config.descriptor());
    assertThat(forArm64.manifest().bytes()).isEqualTo(arm64);
    assertThatThrownBy(() -> client.resolveImage(multi, Platforms.parse("linux/s390x")))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("linux/s390x");
    ResolvedImage direct = client.resolveImage(multi.withTag(null).withDigest(Digest.sha256(arm64)),
        Platforms.LINUX_AMD64);
    assertThat(direct.index()).isNull();
    assertThat(direct.manifest().bytes()).isEqualTo(arm64);
  }

  @Test
  void keepsDockerMediaTypes() throws Exception {
    Reference image = reference("it/docker:schema2");
    Blob config = TestContent.config(dir, MediaTypes.DOCKER_CONFIG, "linux", "amd64");
    Blob layer = TestContent.randomLayer(dir, 5_000, 8);
    client.pushBlob(image, config.file(), config.digest(), UploadOptions.defaults());
    client.pushBlob(image, layer.file(), layer.digest(), UploadOptions.defaults());
    Descriptor dockerLayer = Descriptor.of(MediaTypes.DOCKER_LAYER_GZIP, layer.digest(), layer.size());
    byte[] manifest = TestContent.imageManifest(MediaTypes.DOCKER_MANIFEST, config.descriptor(), List.of(dockerLayer));
    client.pushManifest(image, manifest, MediaTypes.DOCKER_MANIFEST);
    byte[] list = TestContent.index(MediaTypes.DOCKER_MANIFEST_LIST,
        List.of(TestContent.entry(MediaTypes.DOCKER_MANIFEST, manifest, Platforms.LINUX_AMD64)));
    client.pushManifest(image.withTag("list"), list, MediaTypes.DOCKER_MANIFEST_LIST);

    assertThat(client.fetchManifest(image).mediaType()).isEqualTo(MediaTypes.DOCKER_MANIFEST);
    ResolvedImage resolved = client.resolveImage(image.withTag("list"), Platforms.LINUX_AMD64);
    assertThat(resolved.index().mediaType()).isEqualTo(MediaTypes.DOCKER_MANIFEST_LIST);
    assertThat(resolved.manifest().bytes()).isEqualTo(manifest);
  }

  @Test
  void reportsMissingContentAsNotFound() throws Exception {
    Reference missing = reference("it/missing:nope");
    Digest absent = Digest.sha256(new byte[] {42});

    assertThatThrownBy(() -> client.fetchManifest(missing)).isInstanceOf(NotFoundException.class)
        .satisfies(e -> assertThat(((RegistryException) e).status()).isEqualTo(404))
        .hasMessageContaining("manifest " + missing + ": not found");
    assertThatThrownBy(() -> client.openBlob(missing, absent)).isInstanceOf(NotFoundException.class)
        .satisfies(e -> assertThat(((RegistryException) e).hasCode("BLOB_UNKNOWN")).isTrue());
    assertThat(client.resolveManifest(missing)).isEmpty();
    assertThat(client.statBlob(missing, absent)).isEmpty();
  }

  @Test
  void reportsTheRegistryErrorWhenAManifestReferencesMissingBlobs() throws Exception {
    Reference image = reference("it/dangling:v1");
    Blob config = TestContent.config(dir, MediaTypes.OCI_CONFIG, "linux", "amd64");
    client.pushBlob(image, config.file(), config.digest(), UploadOptions.defaults());
    byte[] manifest = TestContent.imageManifest(MediaTypes.OCI_MANIFEST, config.descriptor(),
        List.of(Descriptor.of(MediaTypes.OCI_LAYER_GZIP, Digest.sha256(new byte[] {1}), 1)));

    assertThatThrownBy(() -> client.pushManifest(image, manifest, MediaTypes.OCI_MANIFEST))
        .isExactlyInstanceOf(RegistryException.class)
        .satisfies(e -> assertThat(((RegistryException) e).hasCode("MANIFEST_BLOB_UNKNOWN")).isTrue())
        .hasMessageContaining("HTTP 400");
  }

  @Test
  void refusesManifestsLargerThanTheCap() throws Exception {
    Reference image = reference("it/capped:v1");
    Blob config = TestContent.config(dir, MediaTypes.OCI_CONFIG, "linux", "amd64");
    client.pushBlob(image, config.file(), config.digest(), UploadOptions.defaults());
    client.pushManifest(image, TestContent.imageManifest(MediaTypes.OCI_MANIFEST, config.descriptor(), List.of()),
        MediaTypes.OCI_MANIFEST);
    RegistryClient capped = RegistryClient.builder().maxManifestSize(64).build();

    assertThatThrownBy(() -> capped.fetchManifest(image)).isInstanceOf(ContentVerificationException.class)
        .hasMessageContaining("more than the 64 accepted");
  }

  @Test
  void pingsTheRegistry() throws Exception {
    client.ping(registry.address());
  }

  private static int occurrences(String text, String needle) {
    return text.split(java.util.regex.Pattern.quote(needle), -1).length - 1;
  }

  private static Reference reference(String path) {
    return Reference.parse(registry.address() + "/" + path, registry.address());
  }
}
