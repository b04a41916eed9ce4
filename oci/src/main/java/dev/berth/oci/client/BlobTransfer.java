package dev.berth.oci.client;

import dev.berth.oci.Digest;
import dev.berth.oci.Reference;
import dev.berth.oci.client.RegistryTransport.Exchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks and reads blobs (<a href="https://github.com/opencontainers/distribution-spec/blob/v1.1.1/spec.md#pulling-blobs">pulling
 * blobs</a>): {@code HEAD} for existence and size, {@code GET} with {@code Range: bytes=N-} to
 * resume, accepting {@code 206} (the range) as well as {@code 200} (the whole blob, whose first N
 * bytes are then read and hashed but not delivered, so the stream still verifies), following
 * redirects to storage.
 */
final class BlobTransfer {

  private static final Pattern CONTENT_RANGE = Pattern.compile("bytes\\s+(\\d+)-(\\d+)/(\\d+|\\*)");
  private static final Pattern UNSATISFIED_RANGE = Pattern.compile("bytes\\s+\\*/(\\d+)");

  private final RegistryTransport transport;

  BlobTransfer(RegistryTransport transport) {
    this.transport = transport;
  }

  OptionalLong stat(Reference repository, Digest digest, List<Scope> scopes) throws IOException, InterruptedException {
    RegistryEndpoint endpoint = transport.endpoint(repository.registry());
    HttpResponse<InputStream> response =
        transport.send(endpoint, Exchange.of("HEAD", endpoint.blob(repository.repository(), digest), scopes));
    if (response.statusCode() == 404) {
      RegistryTransport.discard(response);
      return OptionalLong.empty();
    }
    if (response.statusCode() != 200) {
      throw RegistryTransport.failure(describe(repository, digest), response);
    }
    RegistryTransport.discard(response);
    return OptionalLong.of(response.headers().firstValueAsLong("Content-Length").orElse(-1));
  }

  BlobStream open(Reference repository, Digest digest, long offset, MessageDigest hashOfPrefix,
      TransferProgress progress) throws IOException, InterruptedException {
    if (offset < 0) {
      throw new IllegalArgumentException("negative offset " + offset);
    }
    RegistryEndpoint endpoint = transport.endpoint(repository.registry());
    Exchange get = Exchange.of("GET", endpoint.blob(repository.repository(), digest),
        List.of(Scope.pull(repository.repository())));
    if (offset > 0) {
      get = get.header("Range", "bytes=" + offset + "-");
    }
    HttpResponse<InputStream> response = transport.send(endpoint, get);
    String what = describe(repository, digest);
    MessageDigest hash = offset == 0 ? digest.algorithm().newMessageDigest() : hashOfPrefix;
    TransferProgress listener = progress == null ? TransferProgress.NONE : progress;
    long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
    switch (response.statusCode()) {
      case 200 -> {
        InputStream body = response.body();
        MessageDigest whole = digest.algorithm().newMessageDigest();
        skipPrefix(what, body, offset, whole);
        return new BlobStream(body, digest, offset, length, whole, listener);
      }
      case 206 -> {
        String range = response.headers().firstValue("Content-Range").orElse("");
        Matcher m = CONTENT_RANGE.matcher(range.trim());
        if (!m.matches() || Long.parseLong(m.group(1)) != offset) {
          RegistryTransport.discard(response);
          throw new ContentVerificationException(what + ": asked for bytes from " + offset
              + ", got Content-Range \"" + range + "\"");
        }
        long size = m.group(3).equals("*") ? -1 : Long.parseLong(m.group(3));
        return new BlobStream(response.body(), digest, offset, size, hash, listener);
      }
      case 416 -> {
        Matcher m = UNSATISFIED_RANGE.matcher(response.headers().firstValue("Content-Range").orElse("").trim());
        if (m.matches() && Long.parseLong(m.group(1)) == offset) {
          RegistryTransport.discard(response);
          return new BlobStream(InputStream.nullInputStream(), digest, offset, offset, hash, listener);
        }
        throw RegistryTransport.failure(what + " from byte " + offset, response);
      }
      default -> throw RegistryTransport.failure(what, response);
    }
  }

  /** Reads (and hashes) the first {@code offset} bytes of a whole-blob answer to a range request. */
  private static void skipPrefix(String what, InputStream body, long offset, MessageDigest hash) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long left = offset;
    while (left > 0) {
      int n = body.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (n < 0) {
        body.close();
        throw new ContentVerificationException(what + " is shorter than the offset " + offset);
      }
      hash.update(buffer, 0, n);
      left -= n;
    }
  }

  static String describe(Reference repository, Digest digest) {
    return "blob " + digest + " in " + repository.name();
  }
}
