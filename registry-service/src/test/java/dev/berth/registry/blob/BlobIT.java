package dev.berth.registry.blob;

import static dev.berth.registry.TestContent.randomBytes;
import static dev.berth.registry.TestContent.repository;
import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.oci.Digest;
import dev.berth.registry.AbstractRegistryIT;
import java.net.http.HttpResponse;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BlobIT extends AbstractRegistryIT {

  /** Several of the server's writes long, and not a multiple of one. */
  private static final int LARGE = 3 * 1024 * 1024 + 17;

  private final String name = repository("blobs");

  @Test
  void answersHeadWithDigestLengthAndRangeSupport() {
    byte[] content = randomBytes(1234);
    Digest digest = registry.pushBlob(name, content);

    HttpResponse<byte[]> head = registry.head("/v2/" + name + "/blobs/" + digest);

    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    assertThat(head.headers().firstValue("Content-Length")).hasValue("1234");
    assertThat(head.headers().firstValue("Docker-Content-Digest")).hasValue(digest.toString());
    assertThat(head.headers().firstValue("Accept-Ranges")).hasValue("bytes");
    assertThat(head.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
    assertThat(head.headers().firstValue("ETag")).hasValue("\"" + digest + "\"");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1234, LARGE})
  void servesBlobBytesWithDigestAndLength(int size) {
    byte[] content = randomBytes(size);
    Digest digest = registry.pushBlob(name, content);

    HttpResponse<byte[]> get = registry.get("/v2/" + name + "/blobs/" + digest);

    assertThat(get.statusCode()).isEqualTo(200);
    assertThat(get.body()).isEqualTo(content);
    assertThat(get.headers().firstValue("Content-Length")).hasValue(String.valueOf(size));
    assertThat(get.headers().firstValue("Docker-Content-Digest")).hasValue(digest.toString());
    assertThat(get.headers().firstValue("Accept-Ranges")).hasValue("bytes");
  }

  @ParameterizedTest
  @ValueSource(ints = {1234, LARGE})
  void servesRequestedRangeWith206(int size) {
    byte[] content = randomBytes(size);
    Digest digest = registry.pushBlob(name, content);
    String path = "/v2/" + name + "/blobs/" + digest;
    int from = size / 3;
    int to = size - 100;

    HttpResponse<byte[]> middle = registry.get(path, "Range", "bytes=" + from + "-" + to);
    HttpResponse<byte[]> open = registry.get(path, "Range", "bytes=" + from + "-");
    HttpResponse<byte[]> suffix = registry.get(path, "Range", "bytes=-10");

    assertThat(middle.statusCode()).isEqualTo(206);
    assertThat(middle.headers().firstValue("Content-Range")).hasValue("bytes " + from + "-" + to + "/" + size);
    assertThat(middle.headers().firstValue("Content-Length")).hasValue(String.valueOf(to - from + 1));
    assertThat(middle.body()).isEqualTo(Arrays.copyOfRange(content, from, to + 1));
    assertThat(open.statusCode()).isEqualTo(206);
    assertThat(open.body()).isEqualTo(Arrays.copyOfRange(content, from, size));
    assertThat(suffix.headers().firstValue("Content-Range")).hasValue(
        "bytes " + (size - 10) + "-" + (size - 1) + "/" + size);
    assertThat(suffix.body()).isEqualTo(Arrays.copyOfRange(content, size - 10, size));
  }

  @Test
  void refusesUnsatisfiableRangeWith416() {
    Digest digest = registry.pushBlob(name, randomBytes(100));

    HttpResponse<byte[]> response = registry.get("/v2/" + name + "/blobs/" + digest, "Range", "bytes=100-");

    assertThat(response.statusCode()).isEqualTo(416);
    assertThat(response.headers().firstValue("Content-Range")).hasValue("bytes */100");
  }

  @Test
  void answersMatchingEtagWith304() {
    Digest digest = registry.pushBlob(name, randomBytes(100));

    HttpResponse<byte[]> response = registry.get("/v2/" + name + "/blobs/" + digest,
        "If-None-Match", "\"" + digest + "\"");

    assertThat(response.statusCode()).isEqualTo(304);
    assertThat(response.body()).isEmpty();
  }

  @Test
  void answersUnknownBlobWithBlobUnknown() {
    Digest unknown = Digest.sha256(randomBytes(10));
    registry.pushBlob(name, randomBytes(10));

    var error = assertError(registry.get("/v2/" + name + "/blobs/" + unknown), 404, "BLOB_UNKNOWN");
    assertThat(error.get("detail").get("digest").asString()).isEqualTo(unknown.toString());
    assertError(registry.get("/v2/" + repository("never-pushed") + "/blobs/" + unknown), 404, "BLOB_UNKNOWN");
    HttpResponse<byte[]> head = registry.head("/v2/" + name + "/blobs/" + unknown);
    assertThat(head.statusCode()).isEqualTo(404);
    assertThat(head.body()).isEmpty();
  }

  @Test
  void keepsBlobsInvisibleToRepositoriesTheyWereNotPushedTo() {
    byte[] content = randomBytes(300);
    Digest digest = registry.pushBlob(name, content);
    String other = repository("blobs-other");
    registry.pushBlob(other, randomBytes(10));

    assertError(registry.get("/v2/" + other + "/blobs/" + digest), 404, "BLOB_UNKNOWN");
    assertThat(registry.head("/v2/" + other + "/blobs/" + digest).statusCode()).isEqualTo(404);
    assertError(registry.delete("/v2/" + other + "/blobs/" + digest), 404, "BLOB_UNKNOWN");
    assertThat(registry.get("/v2/" + name + "/blobs/" + digest).body()).isEqualTo(content);
  }

  @Test
  void deletesBlobFromOneRepositoryOnly() {
    byte[] content = randomBytes(300);
    Digest digest = registry.pushBlob(name, content);
    String other = repository("blobs-other");
    registry.pushBlob(other, content);

    HttpResponse<byte[]> deleted = registry.delete("/v2/" + name + "/blobs/" + digest);

    assertThat(deleted.statusCode()).isEqualTo(202);
    assertThat(registry.head("/v2/" + name + "/blobs/" + digest).statusCode()).isEqualTo(404);
    assertError(registry.get("/v2/" + name + "/blobs/" + digest), 404, "BLOB_UNKNOWN");
    assertError(registry.delete("/v2/" + name + "/blobs/" + digest), 404, "BLOB_UNKNOWN");
    assertThat(registry.get("/v2/" + other + "/blobs/" + digest).body()).isEqualTo(content);
  }

  @Test
  void refusesMalformedDigestInPath() {
    assertError(registry.get("/v2/" + name + "/blobs/sha256:xyz"), 400, "DIGEST_INVALID");
    assertError(registry.delete("/v2/" + name + "/blobs/latest"), 400, "DIGEST_INVALID");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Upper", "a..b", "-lead", "trail-", "a/_b", "a__-b"})
  void refusesInvalidRepositoryNames(String invalid) {
    Digest digest = Digest.sha256(new byte[0]);

    var error = assertError(registry.get("/v2/" + invalid + "/blobs/" + digest), 400, "NAME_INVALID");
    assertThat(error.get("detail").get("name").asString()).isEqualTo(invalid);
    assertError(registry.post("/v2/" + invalid + "/blobs/uploads/", null), 400, "NAME_INVALID");
    assertError(registry.get("/v2/" + invalid + "/manifests/latest"), 400, "NAME_INVALID");
    assertError(registry.get("/v2/" + invalid + "/tags/list"), 400, "NAME_INVALID");
    assertError(registry.get("/v2/" + invalid + "/referrers/" + digest), 400, "NAME_INVALID");
  }

  @Test
  void refusesRepositoryNameLongerThan255Characters() {
    String tooLong = "a".repeat(128) + "/" + "b".repeat(127);

    assertError(registry.post("/v2/" + tooLong + "/blobs/uploads/", null), 400, "NAME_INVALID");
    assertThat(registry.post("/v2/" + tooLong.substring(1) + "/blobs/uploads/", null).statusCode())
        .isEqualTo(202);
  }

  @Test
  void servesRepositoriesWithSeveralPathComponents() {
    String nested = repository("team/app/api");
    byte[] content = randomBytes(100);
    Digest digest = registry.pushBlob(nested, content);

    assertThat(registry.get("/v2/" + nested + "/blobs/" + digest).body()).isEqualTo(content);
    assertError(registry.get("/v2/team/app/blobs/" + digest), 404, "BLOB_UNKNOWN");
    registry.pushImage(nested, "v1");
    assertThat(new String(registry.get("/v2/" + nested + "/tags/list").body())).contains("\"v1\"");
  }
}
