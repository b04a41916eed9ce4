package dev.berth.oci.client;

import dev.berth.oci.Descriptor;
import dev.berth.oci.Digest;
import dev.berth.oci.DigestAlgorithm;
import dev.berth.oci.InvalidManifestException;
import dev.berth.oci.Manifests;
import dev.berth.oci.MediaTypes;
import dev.berth.oci.Reference;
import dev.berth.oci.client.RegistryTransport.Exchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;

/**
 * Fetches and pushes manifests (<a href="https://github.com/opencontainers/distribution-spec/blob/v1.1.1/spec.md#pulling-manifests">pulling</a>
 * and <a href="https://github.com/opencontainers/distribution-spec/blob/v1.1.1/spec.md#pushing-manifests">pushing
 * manifests</a>): bytes kept exact, size capped, digests verified both ways.
 */
final class ManifestTransfer {

  /** The four manifest media types, OCI first. */
  static final String ACCEPT = String.join(", ", MediaTypes.OCI_INDEX, MediaTypes.OCI_MANIFEST,
      MediaTypes.DOCKER_MANIFEST_LIST, MediaTypes.DOCKER_MANIFEST);

  private static final String DIGEST_HEADER = "Docker-Content-Digest";

  private final RegistryTransport transport;
  private final int maxSize;

  ManifestTransfer(RegistryTransport transport, int maxSize) {
    this.transport = transport;
    this.maxSize = maxSize;
  }

  ManifestContent fetch(Reference reference) throws IOException, InterruptedException {
    RegistryEndpoint endpoint = transport.endpoint(reference.registry());
    Exchange get = Exchange.of("GET", endpoint.manifest(reference.repository(), reference.manifestReference()),
        List.of(Scope.pull(reference.repository()))).header("Accept", ACCEPT);
    HttpResponse<InputStream> response = transport.send(endpoint, get);
    String what = "manifest " + reference;
    if (response.statusCode() != 200) {
      throw RegistryTransport.failure(what, response);
    }
    long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
    byte[] bytes;
    try (InputStream body = response.body()) {
      if (declared > maxSize) {
        throw tooLarge(what, declared);
      }
      bytes = body.readNBytes(maxSize + 1);
    }
    if (bytes.length > maxSize) {
      throw tooLarge(what, bytes.length);
    }
    Digest expected = reference.digest() != null ? reference.digest() : reportedDigest(response).orElse(null);
    Digest actual = Digest.of(expected == null ? DigestAlgorithm.SHA256 : expected.algorithm(), bytes);
    if (expected != null && !expected.equals(actual)) {
      throw new ContentVerificationException(what + ": content has digest " + actual + " but "
          + (reference.digest() != null ? "was requested by digest " : "the registry announced ") + expected);
    }
    return new ManifestContent(mediaTypeOf(what, response, bytes), actual, bytes);
  }

  Optional<Descriptor> head(Reference reference) throws IOException, InterruptedException {
    RegistryEndpoint endpoint = transport.endpoint(reference.registry());
    Exchange head = Exchange.of("HEAD", endpoint.manifest(reference.repository(), reference.manifestReference()),
        List.of(Scope.pull(reference.repository()))).header("Accept", ACCEPT);
    HttpResponse<InputStream> response = transport.send(endpoint, head);
    if (response.statusCode() == 404) {
      RegistryTransport.discard(response);
      return Optional.empty();
    }
    if (response.statusCode() != 200) {
      throw RegistryTransport.failure("manifest " + reference, response);
    }
    RegistryTransport.discard(response);
    Optional<Digest> reported = reportedDigest(response);
    String mediaType = MediaTypes.essence(response.headers().firstValue("Content-Type").orElse(null));
    long size = response.headers().firstValueAsLong("Content-Length").orElse(-1);
    boolean complete = reported.isPresent() && size >= 0 && MediaTypes.MANIFESTS.contains(mediaType)
        && (reference.digest() == null || reference.digest().equals(reported.get()));
    return Optional.of(complete ? Descriptor.of(mediaType, reported.get(), size) : fetch(reference).descriptor());
  }

  Digest push(Reference reference, byte[] bytes, String mediaType) throws IOException, InterruptedException {
    Digest computed = Digest.of(reference.digest() == null ? DigestAlgorithm.SHA256 : reference.digest().algorithm(),
        bytes);
    if (reference.digest() != null && !reference.digest().equals(computed)) {
      throw new IllegalArgumentException("manifest pushed as " + reference + " has digest " + computed);
    }
    String target = reference.tag() != null ? reference.tag() : computed.toString();
    RegistryEndpoint endpoint = transport.endpoint(reference.registry());
    Exchange put = Exchange.of("PUT", endpoint.manifest(reference.repository(), target),
            List.of(Scope.push(reference.repository())))
        .header("Content-Type", mediaType)
        .body(BodyPublishers.ofByteArray(bytes));
    HttpResponse<InputStream> response = transport.send(endpoint, put);
    String what = "manifest push to " + reference.repositoryOnly() + ":" + target;
    if (response.statusCode() / 100 != 2) {
      throw RegistryTransport.failure(what, response);
    }
    RegistryTransport.discard(response);
    Optional<Digest> reported = reportedDigest(response);
    if (reported.isEmpty()) {
      return computed;
    }
    Digest recomputed = Digest.of(reported.get().algorithm(), bytes);
    if (!recomputed.equals(reported.get())) {
      throw new ContentVerificationException(what + ": the registry reports digest " + reported.get()
          + " for content whose digest is " + recomputed);
    }
    return reported.get();
  }

  private ContentVerificationException tooLarge(String what, long size) {
    return new ContentVerificationException(what + " is " + size + " bytes, more than the " + maxSize + " accepted");
  }

  private static Optional<Digest> reportedDigest(HttpResponse<?> response) {
    return response.headers().firstValue(DIGEST_HEADER).map(String::trim).filter(Digest::isDigest).map(Digest::parse);
  }

  private static String mediaTypeOf(String what, HttpResponse<?> response, byte[] bytes) throws RegistryException {
    String contentType = MediaTypes.essence(response.headers().firstValue("Content-Type").orElse(null));
    if (MediaTypes.MANIFESTS.contains(contentType)) {
      return contentType;
    }
    try {
      return Manifests.parse(bytes, null).mediaType();
    } catch (InvalidManifestException e) {
      throw new RegistryException(what + ": unsupported manifest of type " + contentType + " (" + e.getMessage() + ")",
          response.statusCode(), null, e);
    }
  }
}
