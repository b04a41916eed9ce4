package dev.berth.registry.upload;

import static dev.berth.registry.TestContent.randomBytes;
import static dev.berth.registry.TestContent.repository;
import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.oci.Digest;
import dev.berth.oci.DigestAlgorithm;
import dev.berth.registry.AbstractRegistryIT;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class BlobUploadIT extends AbstractRegistryIT {

  private static final String OCTET_STREAM = "application/octet-stream";

  private final String name = repository("uploads");

  @Test
  void pushesBlobInOneRequestWithDigestParameter() {
    byte[] content = randomBytes(1000);
    Digest digest = Digest.sha256(content);

    HttpResponse<byte[]> response = registry.post("/v2/" + name + "/blobs/uploads/?digest=" + digest, content,
        "Content-Type", OCTET_STREAM);

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.headers().firstValue("Location")).hasValue("/v2/" + name + "/blobs/" + digest);
    assertThat(response.headers().firstValue("Docker-Content-Digest")).hasValue(digest.toString());
    assertThat(registry.get("/v2/" + name + "/blobs/" + digest).body()).isEqualTo(content);
  }

  @Test
  void pushesBlobWithPostThenPut() {
    byte[] content = randomBytes(5000);
    Digest digest = Digest.sha256(content);

    HttpResponse<byte[]> started = registry.post("/v2/" + name + "/blobs/uploads/", null);
    assertThat(started.statusCode()).isEqualTo(202);
    String location = started.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith("/v2/" + name + "/blobs/uploads/");
    assertThat(started.headers().firstValue("Docker-Upload-UUID")).hasValueSatisfying(
        uuid -> assertThat(location).endsWith(uuid));
    assertThat(started.headers().firstValue("Range")).hasValue("0-0");

    HttpResponse<byte[]> completed = registry.put(location + "?digest=" + digest, content,
        "Content-Type", OCTET_STREAM);

    assertThat(completed.statusCode()).isEqualTo(201);
    assertThat(completed.headers().firstValue("Location")).hasValue("/v2/" + name + "/blobs/" + digest);
    assertThat(completed.headers().firstValue("Docker-Content-Digest")).hasValue(digest.toString());
    assertThat(registry.get("/v2/" + name + "/blobs/" + digest).body()).isEqualTo(content);
    assertError(registry.get(location), 404, "BLOB_UPLOAD_UNKNOWN");
  }

  @Test
  void pushesStreamedBodyOfUnknownLength() {
    byte[] content = randomBytes(3 * 1024 * 1024);
    Digest digest = Digest.sha256(content);

    HttpResponse<byte[]> response = registry.send("POST", "/v2/" + name + "/blobs/uploads/?digest=" + digest,
        BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(content)));

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(registry.get("/v2/" + name + "/blobs/" + digest).body()).isEqualTo(content);
  }

  @Test
  void keepsBodySentAsFormContentIntact() {
    byte[] content = "a=1&b=2&digest=sha256%3A00".getBytes(StandardCharsets.UTF_8);
    Digest digest = Digest.sha256(content);

    HttpResponse<byte[]> response = registry.post("/v2/" + name + "/blobs/uploads/?digest=" + digest, content,
        "Content-Type", "application/x-www-form-urlencoded");

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(registry.get("/v2/" + name + "/blobs/" + digest).body()).isEqualTo(content);
  }

  @Test
  void acceptsPercentEncodedDigestParameter() {
    byte[] content = randomBytes(100);
    Digest digest = Digest.sha256(content);
    String location = start();

    HttpResponse<byte[]> completed = registry.put(location + "?digest=" + digest.toString().replace(":", "%3A"),
        content);

    assertThat(completed.statusCode()).isEqualTo(201);
    assertThat(completed.headers().firstValue("Docker-Content-Digest")).hasValue(digest.toString());
  }

  @Test
  void rejectsBlobWhoseDigestDoesNotMatch() {
    byte[] content = randomBytes(100);
    Digest claimed = Digest.sha256(randomBytes(100));
    Digest actual = Digest.sha256(content);

    JsonNode error = assertError(registry.post("/v2/" + name + "/blobs/uploads/?digest=" + claimed, content),
        400, "DIGEST_INVALID");
    assertThat(error.get("detail").get("digest").asString()).isEqualTo(claimed.toString());
    String location = start();
    assertError(registry.put(location + "?digest=" + claimed, content), 400, "DIGEST_INVALID");

    for (Digest digest : new Digest[] {claimed, actual}) {
      assertThat(registry.head("/v2/" + name + "/blobs/" + digest).statusCode()).isEqualTo(404);
      assertThat(blobFile(digest)).doesNotExist();
    }
  }

  @Test
  void rejectsMalformedOrUnsupportedDigests() {
    byte[] content = randomBytes(10);

    assertError(registry.post("/v2/" + name + "/blobs/uploads/?digest=sha256:not-hex", content), 400,
        "DIGEST_INVALID");
    assertError(registry.post("/v2/" + name + "/blobs/uploads/?digest=md5:0123456789abcdef0123456789abcdef",
        content), 400, "DIGEST_INVALID");
    String location = start();
    assertError(registry.put(location + "?digest=sha256:abc", content), 400, "DIGEST_INVALID");
    assertError(registry.put(location, content), 400, "DIGEST_INVALID");
  }

  @Test
  void answersUnknownUploadWith404() {
    String unknown = "/v2/" + name + "/blobs/uploads/" + UUID.randomUUID();
    Digest digest = Digest.sha256(new byte[0]);

    assertError(registry.get(unknown), 404, "BLOB_UPLOAD_UNKNOWN");
    assertError(registry.patch(unknown, randomBytes(10)), 404, "BLOB_UPLOAD_UNKNOWN");
    assertError(registry.put(unknown + "?digest=" + digest, null), 404, "BLOB_UPLOAD_UNKNOWN");
    assertError(registry.delete(unknown), 404, "BLOB_UPLOAD_UNKNOWN");
    assertError(registry.get("/v2/" + name + "/blobs/uploads/not-a-uuid"), 404, "BLOB_UPLOAD_UNKNOWN");
  }

  @Test
  void keepsUploadSessionsToTheirRepository() {
    String location = start();
    String elsewhere = location.replace("/v2/" + name + "/", "/v2/" + repository("other") + "/");

    assertError(registry.get(elsewhere), 404, "BLOB_UPLOAD_UNKNOWN");
    assertError(registry.patch(elsewhere, randomBytes(10)), 404, "BLOB_UPLOAD_UNKNOWN");
    assertThat(registry.get(location).statusCode()).isEqualTo(204);
  }

  @Test
  void cancelsUpload() {
    String location = start();
    assertThat(patch(location, randomBytes(10), 0, 10).statusCode()).isEqualTo(202);

    assertThat(registry.delete(location).statusCode()).isEqualTo(204);

    assertError(registry.get(location), 404, "BLOB_UPLOAD_UNKNOWN");
    assertError(registry.patch(location, randomBytes(10)), 404, "BLOB_UPLOAD_UNKNOWN");
    assertError(registry.delete(location), 404, "BLOB_UPLOAD_UNKNOWN");
  }

  @Test
  void pushesSha512Blob() throws Exception {
    byte[] content = randomBytes(4000);
    Digest digest = Digest.of(DigestAlgorithm.SHA512, content);
    Digest chunked = Digest.of(DigestAlgorithm.SHA512, Arrays.copyOf(content, 2000));

    registry.pushBlob(name, content, DigestAlgorithm.SHA512);
    String location = start();
    assertThat(patch(location, content, 0, 1000).statusCode()).isEqualTo(202);
    assertThat(registry.put(location + "?digest=" + chunked, Arrays.copyOfRange(content, 1000, 2000))
        .statusCode()).isEqualTo(201);

    HttpResponse<byte[]> whole = registry.get("/v2/" + name + "/blobs/" + digest);
    assertThat(whole.body()).isEqualTo(content);
    assertThat(whole.headers().firstValue("Docker-Content-Digest")).hasValue(digest.toString());
    assertThat(registry.get("/v2/" + name + "/blobs/" + chunked).body()).isEqualTo(Arrays.copyOf(content, 2000));
    assertThat(Files.readAllBytes(blobFile(digest))).isEqualTo(content);
  }

  private String start() {
    HttpResponse<byte[]> started = registry.post("/v2/" + name + "/blobs/uploads/", null);
    assertThat(started.statusCode()).isEqualTo(202);
    return started.headers().firstValue("Location").orElseThrow();
  }

  /** PATCHes bytes {@code from} (inclusive) to {@code to} (exclusive) of {@code content}. */
  private HttpResponse<byte[]> patch(String location, byte[] content, int from, int to) {
    return registry.patch(location, Arrays.copyOfRange(content, from, to), "Content-Type", OCTET_STREAM,
        "Content-Range", from + "-" + (to - 1));
  }
}
