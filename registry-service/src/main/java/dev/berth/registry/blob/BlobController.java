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
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
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
 * {@code GET}/{@code HEAD}/{@code DELETE /v2/<name>/blobs/<digest>}. Bodies go out by the
 * servlet container's sendfile when it offers one (zero-copy), else by channel transfer; a single
 * {@code Range} is honoured with 206.
 */
@RestController
@RequestMapping(PREFIX + "blobs/{digest}")
class BlobController {

  private static final String SENDFILE_SUPPORT = "org.apache.tomcat.sendfile.support";
  private static final String SENDFILE_FILENAME = "org.apache.tomcat.sendfile.filename";
  private static final String SENDFILE_START = "org.apache.tomcat.sendfile.start";
  private static final String SENDFILE_END = "org.apache.tomcat.sendfile.end";
  private static final long SENDFILE_THRESHOLD = 64 * 1024;

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
    if (length >= SENDFILE_THRESHOLD && Boolean.TRUE.equals(request.getAttribute(SENDFILE_SUPPORT))) {
      request.setAttribute(SENDFILE_FILENAME, blob.path().toAbsolutePath().toString());
      request.setAttribute(SENDFILE_START, start);
      request.setAttribute(SENDFILE_END, start + length);
      return;
    }
    try (FileChannel file = FileChannel.open(blob.path(), StandardOpenOption.READ)) {
      WritableByteChannel out = Channels.newChannel(response.getOutputStream());
      long position = start;
      long end = start + length;
      while (position < end) {
        position += file.transferTo(position, end - position, out);
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
