package dev.berth.node.snapshot;

import dev.berth.oci.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Blobs of image-service by digest ({@code GET /api/v1/blobs/{digest}}), with the media type it
 * stored them under ({@code OCI-Media-Type}). Small blobs (manifests, configs) are read with a size
 * cap and verified against their digest; layers are handed over as streams.
 */
final class ImageServiceBlobs {

  /** A blob being received; the caller closes it. */
  record Blob(InputStream body, String mediaType) {
  }

  /** A small blob read whole and verified. */
  record Content(byte[] bytes, String mediaType) {
  }

  private final HttpClient client;
  private final URI base;
  private final Duration timeout;

  ImageServiceBlobs(URI base, Duration timeout) {
    this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    this.base = base;
    this.timeout = timeout;
  }

  Blob open(Digest digest) throws InterruptedException {
    URI uri = base.resolve("/api/v1/blobs/" + digest);
    HttpResponse<InputStream> response;
    try {
      response = client.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
          HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw new SnapshotException.Unavailable("cannot fetch blob " + digest + " from " + base + ": " + e, e);
    }
    if (response.statusCode() != 200) {
      SnapshotException failure = new SnapshotException.Unavailable("image-service answered "
          + response.statusCode() + " for blob " + digest, null);
      try {
        response.body().close();
      } catch (IOException e) {
        failure.addSuppressed(e);
      }
      throw failure;
    }
    return new Blob(response.body(), response.headers().firstValue("OCI-Media-Type").orElse(null));
  }

  Content read(Digest digest, long cap) throws InterruptedException {
    Blob blob = open(digest);
    byte[] bytes;
    try (InputStream body = blob.body()) {
      bytes = body.readNBytes((int) Math.min(cap + 1, Integer.MAX_VALUE - 8));
    } catch (IOException e) {
      throw new SnapshotException.Unavailable("cannot read blob " + digest + " from " + base + ": " + e, e);
    }
    if (bytes.length > cap) {
      throw new SnapshotException.InvalidContent("blob " + digest + " is larger than " + cap + " bytes", null);
    }
    Digest actual = Digest.of(digest.algorithm(), bytes);
    if (!actual.equals(digest)) {
      throw new SnapshotException.InvalidContent("blob " + digest + " has digest " + actual, null);
    }
    return new Content(bytes, blob.mediaType());
  }
}
