package dev.berth.registry.blob;

import static dev.berth.registry.distribution.RepositoryRoutingFilter.PREFIX;

import dev.berth.oci.Digest;
import dev.berth.registry.RegistryProperties;
import dev.berth.registry.distribution.DistributionException;
import dev.berth.registry.distribution.Digests;
import dev.berth.registry.distribution.RepositoryName;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.ServletOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET}/{@code HEAD}/{@code DELETE /v2/<name>/blobs/<digest>}; a single {@code Range} is
 * honoured with 206.
 *
 * <p>Bodies go out by plain writes of {@value #WRITE_SIZE} bytes: the file is read into a direct
 * buffer of that size and written through the servlet output stream, whose socket buffer is made
 * as large and direct ({@link SocketBufferConfiguration}), so each {@code write} moves that much
 * with one copy in user space. Not sendfile, although it is zero-copy: over loopback, skopeo's
 * receive buffer stays at its initial 128 KiB when fed by sendfile (with drops), where plain
 * writes let it grow past 1 MiB as distribution's do; skopeo, whose own SHA-256 binds a pull,
 * then wakes more often and spends ~0.2 s more CPU per 256 MiB, so pulls were 0.82–0.92 of
 * distribution's with sendfile and at parity with writes. Writes must be large: with Tomcat's
 * default 8 KiB socket buffer (a syscall per 8 KiB) a raw {@code GET} ran at 0.44 of
 * distribution's, with 64 KiB at 0.91, with 256 KiB at 0.99, with 1 MiB at 1.08–1.18. Only the
 * buffer is held in memory, never the blob.
 */
@RestController
@RequestMapping(PREFIX + "blobs/{digest}")
class BlobController {

  /** Bytes read from a blob file and written to the response at a time. */
  static final int WRITE_SIZE = 1 << 20;

  private final BlobService blobs;
  private final RegistryProperties properties;
  private final Counter bytesServed;

  BlobController(BlobService blobs, RegistryProperties properties, MeterRegistry meters) {
    this.blobs = blobs;
    this.properties = properties;
    this.bytesServed = Counter.builder("berth.registry.blob.pull").baseUnit("bytes")
        .description("blob bytes served").register(meters);
  }

  @RequestMapping(method = RequestMethod.HEAD)
  void head(RepositoryName name, @PathVariable String digest, HttpServletResponse response) {
    BlobService.BlobFile blob = blobs.stat(name, Digests.parse(digest), true);
    headers(response, blob.digest());
    response.setContentLengthLong(blob.size());
  }

  @GetMapping
  void get(RepositoryName name, @PathVariable String digest, HttpServletRequest request,
      HttpServletResponse response) throws IOException {
    BlobService.BlobFile blob = blobs.stat(name, Digests.parse(digest), false);
    headers(response, blob.digest());
    if (("\"" + blob.digest() + "\"").equals(request.getHeader(HttpHeaders.IF_NONE_MATCH))) {
      response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      return;
    }
    long start = 0;
    long length = blob.size();
    try {
      ByteRange range = ByteRange.parse(request.getHeader(HttpHeaders.RANGE), blob.size());
      if (range != null) {
        start = range.start();
        length = range.length();
        response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
        response.setHeader(HttpHeaders.CONTENT_RANGE,
            "bytes " + range.start() + "-" + range.end() + "/" + blob.size());
      }
    } catch (ByteRange.Unsatisfiable e) {
      response.setStatus(HttpServletResponse.SC_REQUESTED_RANGE_NOT_SATISFIABLE);
      response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes */" + blob.size());
      return;
    }
    response.setContentLengthLong(length);
    bytesServed.increment(length);
    try (FileChannel file = FileChannel.open(blob.path(), StandardOpenOption.READ)) {
      ServletOutputStream out = response.getOutputStream();
      ByteBuffer buffer = ByteBuffer.allocateDirect((int) Math.min(length, WRITE_SIZE));
      long position = start;
      long end = start + length;
      while (position < end) {
        buffer.clear().limit((int) Math.min(buffer.capacity(), end - position));
        int read = file.read(buffer, position);
        if (read < 0) {
          throw new EOFException(blob.path() + " ends before byte " + end);
        }
        position += read;
        out.write(buffer.flip());
      }
    }
  }

  @DeleteMapping
  ResponseEntity<Void> delete(RepositoryName name, @PathVariable String digest) {
    if (!properties.deleteEnabled()) {
      throw DistributionException.deleteDisabled();
    }
    blobs.unlink(name, Digests.parse(digest));
    return ResponseEntity.accepted().build();
  }

  private static void headers(HttpServletResponse response, Digest digest) {
    response.setContentType("application/octet-stream");
    response.setHeader("Docker-Content-Digest", digest.toString());
    response.setHeader(HttpHeaders.ETAG, "\"" + digest + "\"");
    response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
    response.setHeader(HttpHeaders.CACHE_CONTROL, "max-age=31536000");
  }
}
