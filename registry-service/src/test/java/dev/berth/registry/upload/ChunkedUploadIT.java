package dev.berth.registry.upload;

import static dev.berth.registry.TestContent.randomBytes;
import static dev.berth.registry.TestContent.repository;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.oci.Digest;
import dev.berth.registry.AbstractRegistryIT;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class ChunkedUploadIT extends AbstractRegistryIT {

  private static final String OCTET_STREAM = "application/octet-stream";

  private final String name = repository("uploads/chunked");

  @Test
  void pushesBlobInOrderedChunks() {
    byte[] content = randomBytes(30);
    Digest digest = Digest.sha256(content);
    String location = start();

    HttpResponse<byte[]> first = patch(location, content, 0, 10);
    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(first.headers().firstValue("Range")).hasValue("0-9");
    assertThat(first.headers().firstValue("Docker-Upload-UUID")).isPresent();
    String next = first.headers().firstValue("Location").orElseThrow();
    HttpResponse<byte[]> second = patch(next, content, 10, 30);
    assertThat(second.statusCode()).isEqualTo(202);
    assertThat(second.headers().firstValue("Range")).hasValue("0-29");

    HttpResponse<byte[]> completed = registry.put(second.headers().firstValue("Location").orElseThrow()
        + "?digest=" + digest, null);

    assertThat(completed.statusCode()).isEqualTo(201);
    assertThat(completed.headers().firstValue("Location")).hasValue("/v2/" + name + "/blobs/" + digest);
    assertThat(registry.get("/v2/" + name + "/blobs/" + digest).body()).isEqualTo(content);
  }

  @Test
  void refusesOutOfOrderChunkWith416AndKeepsWhatItHas() {
    byte[] content = randomBytes(30);
    Digest digest = Digest.sha256(content);
    String location = start();
    assertThat(patch(location, content, 0, 10).statusCode()).isEqualTo(202);

    HttpResponse<byte[]> gap = patch(location, content, 15, 25);
    HttpResponse<byte[]> overlap = patch(location, content, 5, 15);

    for (HttpResponse<byte[]> refused : List.of(gap, overlap)) {
      assertError(refused, 416, "BLOB_UPLOAD_INVALID");
      assertThat(refused.headers().firstValue("Range")).hasValue("0-9");
      assertThat(refused.headers().firstValue("Location")).hasValue(location);
    }
    HttpResponse<byte[]> status = registry.get(location);
    assertThat(status.statusCode()).isEqualTo(204);
    assertThat(status.headers().firstValue("Range")).hasValue("0-9");
    assertThat(status.headers().firstValue("Location")).hasValue(location);
    assertThat(status.headers().firstValue("Docker-Upload-UUID")).isPresent();
    assertThat(patch(location, content, 10, 30).statusCode()).isEqualTo(202);
    assertThat(registry.put(location + "?digest=" + digest, null).statusCode()).isEqualTo(201);
    assertThat(registry.get("/v2/" + name + "/blobs/" + digest).body()).isEqualTo(content);
  }

  @Test
  void takesLastChunkInClosingPut() {
    byte[] content = randomBytes(3000);
    Digest digest = Digest.sha256(content);
    String location = start();
    assertThat(patch(location, content, 0, 1000).statusCode()).isEqualTo(202);

    HttpResponse<byte[]> misplaced = registry.put(location + "?digest=" + digest,
        Arrays.copyOfRange(content, 1000, 3000), "Content-Range", "1500-3499");
    HttpResponse<byte[]> completed = registry.put(location + "?digest=" + digest,
        Arrays.copyOfRange(content, 1000, 3000), "Content-Type", OCTET_STREAM, "Content-Range", "1000-2999");

    assertError(misplaced, 416, "BLOB_UPLOAD_INVALID");
    assertThat(completed.statusCode()).isEqualTo(201);
    assertThat(completed.headers().firstValue("Docker-Content-Digest")).hasValue(digest.toString());
    assertThat(registry.get("/v2/" + name + "/blobs/" + digest).body()).isEqualTo(content);
  }

  @Test
  void appendsChunksWithoutContentRangeIncludingStreamedOnes() {
    byte[] content = randomBytes(2 * 1024 * 1024 + 700);
    Digest digest = Digest.sha256(content);
    String location = start();

    HttpResponse<byte[]> first = registry.patch(location, Arrays.copyOfRange(content, 0, 700));
    HttpResponse<byte[]> streamed = registry.send("PATCH", location, BodyPublishers.ofInputStream(
        () -> new ByteArrayInputStream(content, 700, content.length - 700)), "Content-Type", OCTET_STREAM);

    assertThat(first.headers().firstValue("Range")).hasValue("0-699");
    assertThat(streamed.statusCode()).isEqualTo(202);
    assertThat(streamed.headers().firstValue("Range")).hasValue("0-" + (content.length - 1));
    assertThat(registry.put(location + "?digest=" + digest, null).statusCode()).isEqualTo(201);
    assertThat(registry.get("/v2/" + name + "/blobs/" + digest).body()).isEqualTo(content);
  }

  @Test
  void refusesChunkWhoseLengthDiffersFromItsContentRangeAndStaysUsable() {
    byte[] content = randomBytes(30);
    Digest digest = Digest.sha256(content);
    String location = start();
    assertThat(patch(location, content, 0, 10).statusCode()).isEqualTo(202);

    HttpResponse<byte[]> refused = registry.patch(location, Arrays.copyOfRange(content, 10, 15),
        "Content-Type", OCTET_STREAM, "Content-Range", "10-29");

    assertError(refused, 400, "BLOB_UPLOAD_INVALID");
    assertThat(registry.get(location).headers().firstValue("Range")).hasValue("0-9");
    assertThat(patch(location, content, 10, 30).statusCode()).isEqualTo(202);
    assertThat(registry.put(location + "?digest=" + digest, null).statusCode()).isEqualTo(201);
    assertThat(registry.get("/v2/" + name + "/blobs/" + digest).body()).isEqualTo(content);
  }

  @Test
  void refusesMalformedContentRange() {
    String location = start();

    assertError(registry.patch(location, randomBytes(10), "Content-Range", "ten-twenty"), 400,
        "BLOB_UPLOAD_INVALID");
    assertError(registry.patch(location, randomBytes(10), "Content-Range", "9-0"), 400, "BLOB_UPLOAD_INVALID");
    assertThat(registry.get(location).headers().firstValue("Range")).hasValue("0-0");
  }

  @Test
  void dropsChunkWhoseClientGivesUpAndResumesFromWhatItHas() {
    byte[] content = randomBytes(3 * 1024 * 1024);
    Digest digest = Digest.sha256(content);
    String location = start();
    assertThat(patch(location, content, 0, 1000).statusCode()).isEqualTo(202);

    assertThatThrownBy(() -> registry.send("PATCH", location,
        BodyPublishers.ofInputStream(() -> givingUpAfter(content, 1000, 2 * 1024 * 1024))))
        .isInstanceOf(UncheckedIOException.class);

    assertThat(registry.get(location).headers().firstValue("Range")).hasValue("0-999");
    assertThat(patch(location, content, 1000, content.length).statusCode()).isEqualTo(202);
    assertThat(registry.put(location + "?digest=" + digest, null).statusCode()).isEqualTo(201);
    assertThat(registry.get("/v2/" + name + "/blobs/" + digest).body()).isEqualTo(content);
  }

  @Test
  void serializesConcurrentChunksOfOneSession() throws Exception {
    byte[] one = randomBytes(4 * 1024 * 1024);
    byte[] other = randomBytes(4 * 1024 * 1024);
    String location = start();

    HttpResponse<byte[]> first;
    HttpResponse<byte[]> second;
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      var firstPatch = threads.submit(() -> patch(location, one, 0, one.length));
      var secondPatch = threads.submit(() -> patch(location, other, 0, other.length));
      first = firstPatch.get();
      second = secondPatch.get();
    }

    assertThat(List.of(first.statusCode(), second.statusCode())).containsExactlyInAnyOrder(202, 416);
    byte[] accepted = first.statusCode() == 202 ? one : other;
    Digest digest = Digest.sha256(accepted);
    assertThat(registry.put(location + "?digest=" + digest, null).statusCode()).isEqualTo(201);
    assertThat(registry.get("/v2/" + name + "/blobs/" + digest).body()).isEqualTo(accepted);
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

  /** A stream of {@code limit} bytes of {@code content} from {@code offset}, then a failure. */
  private static InputStream givingUpAfter(byte[] content, int offset, int limit) {
    InputStream in = new ByteArrayInputStream(content, offset, limit);
    return new InputStream() {
      @Override
      public int read() throws IOException {
        return gaveUp(in.read());
      }

      @Override
      public int read(byte[] buffer, int off, int len) throws IOException {
        return gaveUp(in.read(buffer, off, len));
      }

      private int gaveUp(int read) throws IOException {
        if (read < 0) {
          throw new IOException("client gives up");
        }
        return read;
      }
    };
  }
}
