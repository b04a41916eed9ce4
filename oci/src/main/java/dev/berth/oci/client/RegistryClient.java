package dev.berth.oci.client;

import dev.berth.oci.Descriptor;
import dev.berth.oci.Digest;
import dev.berth.oci.ImageIndex;
import dev.berth.oci.MediaTypes;
import dev.berth.oci.Platform;
import dev.berth.oci.Platforms;
import dev.berth.oci.Reference;
import dev.berth.oci.client.RegistryTransport.Exchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A client for OCI distribution registries: what {@code docker pull} and {@code docker push} do
 * on the wire. Thread-safe; create one per application and share it (tokens are cached in it).
 * Registry errors are {@link RegistryException}s ({@link UnauthorizedException},
 * {@link NotFoundException}, {@link ContentVerificationException}); transport failures other
 * {@link IOException}s.
 */
public final class RegistryClient implements AutoCloseable {

  private final HttpClient ownedHttpClient;
  private final ManifestTransfer manifests;
  private final BlobTransfer blobs;
  private final BlobUpload uploads;
  private final RegistryTransport transport;

  private RegistryClient(Builder builder) {
    HttpClient http = builder.httpClient != null ? builder.httpClient : HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(builder.connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
    this.ownedHttpClient = builder.httpClient == null ? http : null;
    Authenticator authenticator = new Authenticator(http, builder.credentials, new TokenCache(builder.clock),
        builder.requestTimeout, builder.userAgent);
    this.transport = new RegistryTransport(http, authenticator, builder.insecureRegistries, builder.requestTimeout,
        builder.userAgent);
    this.manifests = new ManifestTransfer(transport, builder.maxManifestSize);
    this.blobs = new BlobTransfer(transport);
    this.uploads = new BlobUpload(transport, blobs);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Checks that {@code registry} speaks the distribution API and accepts our credentials
   * ({@code GET /v2/}), as {@code docker login} does.
   */
  public void ping(String registry) throws IOException, InterruptedException {
    RegistryEndpoint endpoint = transport.endpoint(registry);
    HttpResponse<InputStream> response = transport.send(endpoint, Exchange.of("GET", endpoint.apiBase(), List.of()));
    if (response.statusCode() != 200) {
      throw RegistryTransport.failure(registry + " /v2/", response);
    }
    RegistryTransport.discard(response);
  }

  /**
   * The manifest {@code reference} names (by digest when it has one, else by tag), as the exact
   * bytes served, verified against the requested digest or the registry's {@code Docker-Content-Digest}.
   */
  public ManifestContent fetchManifest(Reference reference) throws IOException, InterruptedException {
    return manifests.fetch(reference);
  }

  /** The descriptor of the manifest {@code reference} names ({@code HEAD}), or empty when there is none. */
  public Optional<Descriptor> resolveManifest(Reference reference) throws IOException, InterruptedException {
    return manifests.head(reference);
  }

  /**
   * The image manifest to run on {@code platform}: the manifest {@code reference} names, or when
   * that is an index, the entry {@link Platforms#select selected} for the platform, fetched by digest.
   *
   * @throws NotFoundException when the index has no manifest for the platform
   */
  public ResolvedImage resolveImage(Reference reference, Platform platform) throws IOException, InterruptedException {
    ManifestContent top = manifests.fetch(reference);
    if (!MediaTypes.INDEXES.contains(top.mediaType())) {
      return new ResolvedImage(null, top);
    }
    ImageIndex index = (ImageIndex) top.parse();
    Descriptor chosen = Platforms.select(index, platform).orElseThrow(() -> new NotFoundException(
        "no manifest for " + Platforms.format(platform) + " in index " + reference + " (" + top.digest() + ")", 0,
        null));
    ManifestContent manifest = manifests.fetch(reference.withTag(null).withDigest(chosen.digest()));
    if (manifest.size() != chosen.size() || MediaTypes.INDEXES.contains(manifest.mediaType())) {
      throw new ContentVerificationException("manifest " + chosen.digest() + " of " + reference + " is a "
          + manifest.mediaType() + " of " + manifest.size() + " bytes; the index lists a " + chosen.mediaType()
          + " of " + chosen.size());
    }
    return new ResolvedImage(top, manifest);
  }

  /**
   * Pushes a manifest: by tag when {@code reference} has one, else by digest. Returns the digest
   * the registry reports, checked against the bytes (or the computed digest when it reports none).
   *
   * @param mediaType the manifest's media type, sent as {@code Content-Type}
   */
  public Digest pushManifest(Reference reference, byte[] bytes, String mediaType)
      throws IOException, InterruptedException {
    return manifests.push(reference, bytes, mediaType);
  }

  /**
   * The size of blob {@code digest} in {@code repository} ({@code HEAD}; -1 if the registry does not
   * say), or empty when it is not there.
   */
  public OptionalLong statBlob(Reference repository, Digest digest) throws IOException, InterruptedException {
    return blobs.stat(repository, digest, List.of(Scope.pull(repository.repository())));
  }

  /** Blob {@code digest} of {@code repository}, whole and verified at its end. */
  public BlobStream openBlob(Reference repository, Digest digest) throws IOException, InterruptedException {
    return blobs.open(repository, digest, 0, null, TransferProgress.NONE);
  }

  /**
   * Blob {@code digest} of {@code repository} from byte {@code offset}, e.g. to resume a download.
   * The stream verifies the digest when {@code offset} is 0, when the caller passes the hash of the
   * bytes before {@code offset} it already holds (e.g. a {@code MessageDigest} updated with the
   * partial file), and when the registry ignores the range and sends the whole blob.
   *
   * @param hashOfPrefix the hash state over bytes {@code [0, offset)}, continued by the stream; or null
   * @param progress     told the position reached in the blob; or null
   */
  public BlobStream openBlob(Reference repository, Digest digest, long offset, MessageDigest hashOfPrefix,
      TransferProgress progress) throws IOException, InterruptedException {
    return blobs.open(repository, digest, offset, hashOfPrefix, progress);
  }

  /**
   * Pushes blob {@code digest} from {@code file} into {@code repository}, unless it is there;
   * mounts it from {@link UploadOptions#mountFrom()} when possible. The registry verifies the digest.
   */
  public BlobPushOutcome pushBlob(Reference repository, Path file, Digest digest, UploadOptions options)
      throws IOException, InterruptedException {
    return uploads.push(repository, file, digest, options == null ? UploadOptions.defaults() : options);
  }

  /** Closes the HTTP client this client created (one passed to the builder stays open). */
  @Override
  public void close() {
    if (ownedHttpClient != null) {
      ownedHttpClient.close();
    }
  }

  /** Settings of a {@link RegistryClient}. */
  public static final class Builder {
    private CredentialProvider credentials = CredentialProvider.anonymous();
    private Set<String> insecureRegistries = Set.of();
    private HttpClient httpClient;
    private Clock clock = Clock.systemUTC();
    private Duration connectTimeout = Duration.ofSeconds(30);
    private Duration requestTimeout = Duration.ofMinutes(2);
    private int maxManifestSize = 4 << 20;
    private String userAgent = "berth-oci";

    private Builder() {
    }

    /** Where credentials come from; anonymous by default. */
    public Builder credentials(CredentialProvider provider) {
      this.credentials = provider;
      return this;
    }

    /** Registries (host with port, as in references) to reach over plain HTTP although not loopback. */
    public Builder insecureRegistries(Set<String> registries) {
      this.insecureRegistries = Set.copyOf(registries);
      return this;
    }

    /** The HTTP client to use; it must not follow redirects itself. Default: HTTP/1.1, no redirects. */
    public Builder httpClient(HttpClient client) {
      this.httpClient = client;
      return this;
    }

    /** The clock token lifetimes are measured by. */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** Connect timeout of the default HTTP client; 30 s by default. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = timeout;
      return this;
    }

    /** How long to wait for response headers of requests without a body; 2 min by default. */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = timeout;
      return this;
    }

    /** The largest manifest accepted, in bytes; 4 MiB by default. */
    public Builder maxManifestSize(int bytes) {
      this.maxManifestSize = bytes;
      return this;
    }

    /** The {@code User-Agent} sent; {@code berth-oci} by default. */
    public Builder userAgent(String userAgent) {
      this.userAgent = userAgent;
      return this;
    }

    public RegistryClient build() {
      return new RegistryClient(this);
    }
  }
}
