package dev.berth.oci.client;

import dev.berth.oci.Digest;
import dev.berth.oci.Reference;
import java.net.URI;

/**
 * Where a registry's {@code /v2/} API lives: plain HTTP for loopback registries ({@code localhost},
 * {@code 127.0.0.0/8}, {@code [::1]}) and registries the caller marks insecure, HTTPS otherwise;
 * Docker Hub ({@code docker.io}) is served by {@code registry-1.docker.io}. The paths are the
 * <a href="https://github.com/opencontainers/distribution-spec/blob/v1.1.1/spec.md#endpoints">distribution
 * spec's endpoints</a>.
 *
 * @param registry the registry as named in references, e.g. {@code localhost:5000}
 * @param baseUri  the scheme and authority requests go to, e.g. {@code http://localhost:5000}
 */
public record RegistryEndpoint(String registry, URI baseUri) {

  private static final String DOCKER_HUB_API = "registry-1.docker.io";

  /** The endpoint of {@code registry}, over plain HTTP when it is loopback or {@code insecure}. */
  public static RegistryEndpoint of(String registry, boolean insecure) {
    String authority = Reference.DOCKER_HUB.equals(registry) ? DOCKER_HUB_API : registry;
    String scheme = insecure || isLoopback(registry) ? "http" : "https";
    return new RegistryEndpoint(registry, URI.create(scheme + "://" + authority));
  }

  /** Whether {@code registry} (host with optional port) is {@code localhost}, in 127.0.0.0/8 or {@code [::1]}. */
  public static boolean isLoopback(String registry) {
    String host = hostOf(registry);
    return host.equals("localhost") || host.equals("[::1]") || host.matches("127(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");
  }

  /** {@code /v2/}, the API version check. */
  public URI apiBase() {
    return baseUri.resolve("/v2/");
  }

  /** {@code /v2/<name>/manifests/<reference>}. */
  public URI manifest(String repository, String reference) {
    return baseUri.resolve("/v2/" + repository + "/manifests/" + reference);
  }

  /** {@code /v2/<name>/blobs/<digest>}. */
  public URI blob(String repository, Digest digest) {
    return baseUri.resolve("/v2/" + repository + "/blobs/" + digest);
  }

  /** {@code /v2/<name>/blobs/uploads/}, where upload sessions start. */
  public URI uploads(String repository) {
    return baseUri.resolve("/v2/" + repository + "/blobs/uploads/");
  }

  /** {@code /v2/<name>/blobs/uploads/?mount=<digest>&from=<other>}, a cross-repository mount. */
  public URI mount(String repository, Digest digest, String fromRepository) {
    return baseUri.resolve("/v2/" + repository + "/blobs/uploads/?mount=" + digest + "&from=" + fromRepository);
  }

  /** Whether {@code uri} is on this registry's scheme, host and port (credentials may go there). */
  public boolean serves(URI uri) {
    return baseUri.getScheme().equalsIgnoreCase(uri.getScheme())
        && baseUri.getHost().equalsIgnoreCase(uri.getHost())
        && effectivePort(baseUri) == effectivePort(uri);
  }

  private static int effectivePort(URI uri) {
    return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  private static String hostOf(String registry) {
    if (registry.startsWith("[")) {
      int close = registry.indexOf(']');
      return close < 0 ? registry : registry.substring(0, close + 1);
    }
    int colon = registry.indexOf(':');
    return colon < 0 ? registry : registry.substring(0, colon);
  }
}
