package dev.berth.oci.client;

import dev.berth.oci.Digest;
import dev.berth.oci.Reference;
import dev.berth.oci.client.RegistryTransport.Exchange;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pushes one blob from a file (<a href="https://github.com/opencontainers/distribution-spec/blob/v1.1.1/spec.md#pushing-blobs">pushing
 * blobs</a>): skipped when the repository has it; mounted from another repository when asked and
 * the registry agrees (201), else the session the registry opened instead (202) is used; uploaded
 * in one {@code PUT} when small, in {@code PATCH} chunks with {@code Content-Range} otherwise,
 * following each {@code Location}, and closed with {@code PUT ?digest=}.
 */
final class BlobUpload {

  private static final Pattern RANGE = Pattern.compile("(?:bytes=)?0-(\\d+)");
  private static final String OCTET_STREAM = "application/octet-stream";

  private final RegistryTransport transport;
  private final BlobTransfer blobs;

  BlobUpload(RegistryTransport transport, BlobTransfer blobs) {
    this.transport = transport;
    this.blobs = blobs;
  }

  BlobPushOutcome push(Reference repository, Path file, Digest digest, UploadOptions options)
      throws IOException, InterruptedException {
    String name = repository.repository();
    List<Scope> push = List.of(Scope.push(name));
    long size = Files.size(file);
    OptionalLong existing = blobs.stat(repository, digest, push);
    if (existing.isPresent()) {
      options.progress().transferred(size);
      return BlobPushOutcome.ALREADY_EXISTS;
    }
    RegistryEndpoint endpoint = transport.endpoint(repository.registry());
    String what = BlobTransfer.describe(repository, digest);
    Exchange start = options.mountFrom() == null
        ? Exchange.of("POST", endpoint.uploads(name), push)
        : Exchange.of("POST", endpoint.mount(name, digest, options.mountFrom()),
            List.of(Scope.push(name), Scope.pull(options.mountFrom())));
    HttpResponse<InputStream> started = transport.send(endpoint, start);
    if (started.statusCode() == 201 && options.mountFrom() != null) {
      RegistryTransport.discard(started);
      options.progress().transferred(size);
      return BlobPushOutcome.MOUNTED;
    }
    if (started.statusCode() != 202) {
      throw RegistryTransport.failure(what + ": starting the upload", started);
    }
    RegistryTransport.discard(started);
    UploadLocation location = UploadLocation.resolve(start.uri(), started.headers().firstValue("Location").orElse(null));
    long minChunk = started.headers().firstValueAsLong("OCI-Chunk-Min-Length").orElse(0);
    long chunkSize = Math.max(options.chunkSize(), minChunk);
    if (size > chunkSize) {
      location = sendChunks(endpoint, location, file, size, chunkSize, push, what, options.progress());
    }
    boolean monolithic = size <= chunkSize;
    Exchange close = Exchange.of("PUT", location.withDigest(digest), push)
        .header("Content-Type", OCTET_STREAM)
        .body(monolithic ? region(file, 0, size, options.progress()) : BodyPublishers.noBody());
    HttpResponse<InputStream> closed = transport.send(endpoint, close);
    if (closed.statusCode() / 100 != 2) {
      throw RegistryTransport.failure(what + ": completing the upload", closed);
    }
    RegistryTransport.discard(closed);
    String reported = closed.headers().firstValue("Docker-Content-Digest").map(String::trim).orElse(null);
    if (reported != null && !reported.equals(digest.toString())) {
      throw new ContentVerificationException(what + ": the registry stored it as " + reported);
    }
    options.progress().transferred(size);
    return BlobPushOutcome.UPLOADED;
  }

  private UploadLocation sendChunks(RegistryEndpoint endpoint, UploadLocation location, Path file, long size,
      long chunkSize, List<Scope> scopes, String what, TransferProgress progress)
      throws IOException, InterruptedException {
    for (long offset = 0; offset < size; offset += chunkSize) {
      long length = Math.min(chunkSize, size - offset);
      long last = offset + length - 1;
      Exchange patch = Exchange.of("PATCH", location.uri(), scopes)
          .header("Content-Type", OCTET_STREAM)
          .header("Content-Range", offset + "-" + last)
          .body(region(file, offset, length, progress));
      HttpResponse<InputStream> response = transport.send(endpoint, patch);
      if (response.statusCode() != 202) {
        throw RegistryTransport.failure(what + ": chunk " + offset + "-" + last, response);
      }
      RegistryTransport.discard(response);
      String range = response.headers().firstValue("Range").orElse(null);
      Matcher m = range == null ? null : RANGE.matcher(range.trim());
      if (m != null && (!m.matches() || Long.parseLong(m.group(1)) != last)) {
        throw new RegistryException(what + ": after chunk " + offset + "-" + last + " the registry holds Range "
            + range, response.statusCode(), null);
      }
      String next = response.headers().firstValue("Location").orElse(null);
      if (next != null) {
        location = UploadLocation.resolve(location.uri(), next);
      }
    }
    return location;
  }

  /**
   * A replayable body of {@code length} bytes of {@code file} from {@code offset}, telling
   * {@code progress} the position in the file as they go.
   */
  private static BodyPublisher region(Path file, long offset, long length, TransferProgress progress) {
    return BodyPublishers.fromPublisher(BodyPublishers.ofInputStream(() -> {
      try {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ).position(offset);
        return new RegionStream(Channels.newInputStream(channel), offset, length, progress);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }), length);
  }

  /** At most {@code length} bytes of a file stream, reporting the file position reached. */
  private static final class RegionStream extends FilterInputStream {
    private long position;
    private final long end;
    private final TransferProgress progress;

    RegionStream(InputStream in, long offset, long length, TransferProgress progress) {
      super(in);
      this.position = offset;
      this.end = offset + length;
      this.progress = progress;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int from, int length) throws IOException {
      if (position >= end) {
        return -1;
      }
      int n = in.read(buffer, from, (int) Math.min(length, end - position));
      if (n > 0) {
        position += n;
        progress.transferred(position);
      }
      return n;
    }
  }
}
