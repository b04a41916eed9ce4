package dev.berth.oci;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An image reference, {@code registry/repository[:tag][@digest]}, parsed and normalized the way
 * the Docker CLI does it (<a href="https://github.com/distribution/reference/blob/main/normalize.go">distribution/reference</a>),
 * except that familiar names resolve against a configurable default registry instead of Docker Hub.
 *
 * <p>The grammar is distribution's: lower-case path components joined by {@code .}, {@code _},
 * {@code __} or runs of {@code -}; a registry host with an optional port (IPv6 in brackets); a
 * tag of {@code [\w][\w.-]{0,127}}; a name ({@code registry/repository}) of at most 255 characters.
 * A reference without tag and digest names a whole repository (useful for blob operations);
 * {@link #parse} never returns one.
 *
 * @param registry   the registry host, with port if any; {@code index.docker.io} is normalized to {@code docker.io}
 * @param repository the repository path within the registry, e.g. {@code library/httpd}
 * @param tag        the tag, or null
 * @param digest     the manifest digest, or null
 */
public record Reference(String registry, String repository, String tag, Digest digest) {

  /** Docker Hub's canonical registry name. */
  public static final String DOCKER_HUB = "docker.io";

  /** The tag a reference without tag and digest gets. */
  public static final String DEFAULT_TAG = "latest";

  /** The namespace of official images, added to single-component names on the default registry. */
  public static final String OFFICIAL_NAMESPACE = "library/";

  private static final String LEGACY_DOCKER_HUB = "index.docker.io";
  private static final int NAME_TOTAL_LENGTH_MAX = 255;

  private static final String PATH_COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
  private static final Pattern REPOSITORY = Pattern.compile(PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*");
  private static final String DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
  private static final Pattern REGISTRY = Pattern.compile(
      "(?:" + DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*|\\[[a-fA-F0-9:]+])(?::[0-9]+)?");
  private static final Pattern TAG = Pattern.compile("\\w[\\w.-]{0,127}");
  private static final Pattern IDENTIFIER = Pattern.compile("[a-f0-9]{64}");

  public Reference {
    validate(registry + "/" + repository + (tag == null ? "" : ":" + tag), registry, repository, tag);
  }

  /**
   * Parses {@code NAME[:TAG][@DIGEST]}. The first path component of NAME is the registry when it
   * contains {@code .} or {@code :} or is {@code localhost}; otherwise the name is on
   * {@code defaultRegistry}. Single-component names on the default registry and on Docker Hub get
   * {@code library/}; the tag defaults to {@code latest} when there is no digest.
   *
   * @throws InvalidReferenceException when {@code value} or {@code defaultRegistry} is malformed
   */
  public static Reference parse(String value, String defaultRegistry) {
    if (value == null || value.isEmpty()) {
      throw new InvalidReferenceException(String.valueOf(value), "empty reference");
    }
    String home = normalizeRegistry(defaultRegistry);
    if (home == null || !REGISTRY.matcher(home).matches()) {
      throw new InvalidReferenceException(value, "invalid default registry \"" + defaultRegistry + "\"");
    }
    String name = value;
    Digest digest = null;
    int at = value.indexOf('@');
    if (at >= 0) {
      name = value.substring(0, at);
      try {
        digest = Digest.parse(value.substring(at + 1));
      } catch (InvalidDigestException e) {
        throw new InvalidReferenceException(value, e.getMessage(), e);
      }
    }
    String tag = null;
    int colon = name.lastIndexOf(':');
    if (colon > name.lastIndexOf('/')) {
      tag = name.substring(colon + 1);
      name = name.substring(0, colon);
    }
    if (name.isEmpty()) {
      throw new InvalidReferenceException(value, "empty repository name");
    }
    if (IDENTIFIER.matcher(name).matches()) {
      throw new InvalidReferenceException(value, "a repository name cannot be a 64-character hexadecimal string");
    }
    String registry = home;
    String repository = name;
    int slash = name.indexOf('/');
    if (slash >= 0 && isRegistryComponent(name.substring(0, slash))) {
      registry = normalizeRegistry(name.substring(0, slash));
      repository = name.substring(slash + 1);
    }
    if ((registry.equals(home) || registry.equals(DOCKER_HUB)) && repository.indexOf('/') < 0) {
      repository = OFFICIAL_NAMESPACE + repository;
    }
    if (tag == null && digest == null) {
      tag = DEFAULT_TAG;
    }
    validate(value, registry, repository, tag);
    return new Reference(registry, repository, tag, digest);
  }

  /** {@code registry/repository}, without tag or digest. */
  public String name() {
    return registry + "/" + repository;
  }

  /**
   * The {@code <reference>} of the distribution API's manifest endpoints: the digest when there is
   * one, else the tag.
   *
   * @throws IllegalStateException when the reference names only a repository
   */
  public String manifestReference() {
    if (digest != null) {
      return digest.toString();
    }
    if (tag != null) {
      return tag;
    }
    throw new IllegalStateException(this + " has neither tag nor digest");
  }

  /** This reference with {@code tag} (null removes it); the digest is kept. */
  public Reference withTag(String tag) {
    return new Reference(registry, repository, tag, digest);
  }

  /** This reference with {@code digest} (null removes it); the tag is kept. */
  public Reference withDigest(Digest digest) {
    return new Reference(registry, repository, tag, digest);
  }

  /** The repository alone: this reference without tag and digest. */
  public Reference repositoryOnly() {
    return new Reference(registry, repository, null, null);
  }

  /**
   * The name as Docker shows it: {@code defaultRegistry/} and then {@code library/} stripped when
   * that leaves an unambiguous name, so that parsing the result against {@code defaultRegistry}
   * gives this reference's name back.
   */
  public String familiarName(String defaultRegistry) {
    if (!registry.equals(normalizeRegistry(defaultRegistry))) {
      return name();
    }
    String shown = repository;
    if (shown.startsWith(OFFICIAL_NAMESPACE) && shown.indexOf('/', OFFICIAL_NAMESPACE.length()) < 0) {
      shown = shown.substring(OFFICIAL_NAMESPACE.length());
    }
    int slash = shown.indexOf('/');
    boolean ambiguous = slash >= 0 && isRegistryComponent(shown.substring(0, slash));
    return ambiguous || IDENTIFIER.matcher(shown).matches() ? name() : shown;
  }

  /** {@link #familiarName} with {@code :tag} and {@code @digest} appended when present. */
  public String familiarString(String defaultRegistry) {
    return familiarName(defaultRegistry) + suffix();
  }

  /** The canonical form, {@code registry/repository[:tag][@digest]}. */
  @Override
  public String toString() {
    return name() + suffix();
  }

  private String suffix() {
    return (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
  }

  private static boolean isRegistryComponent(String component) {
    return component.indexOf('.') >= 0 || component.indexOf(':') >= 0 || component.equals("localhost");
  }

  private static String normalizeRegistry(String registry) {
    return LEGACY_DOCKER_HUB.equals(registry) ? DOCKER_HUB : registry;
  }

  private static void validate(String value, String registry, String repository, String tag) {
    if (registry == null || !REGISTRY.matcher(registry).matches()) {
      throw new InvalidReferenceException(value, "invalid registry host \"" + registry + "\"");
    }
    if (repository == null || repository.isEmpty()) {
      throw new InvalidReferenceException(value, "empty repository name");
    }
    if (registry.length() + 1 + repository.length() > NAME_TOTAL_LENGTH_MAX) {
      throw new InvalidReferenceException(value, "name is longer than " + NAME_TOTAL_LENGTH_MAX + " characters");
    }
    if (!REPOSITORY.matcher(repository).matches()) {
      String reason = !repository.toLowerCase(Locale.ROOT).equals(repository)
          ? "repository name \"" + repository + "\" must be lowercase"
          : "repository name \"" + repository + "\" must be lower-case path components separated by"
              + " '/', each made of [a-z0-9] joined by '.', '_', '__' or '-'";
      throw new InvalidReferenceException(value, reason);
    }
    if (tag != null && !TAG.matcher(tag).matches()) {
      throw new InvalidReferenceException(value, "invalid tag \"" + tag + "\"");
    }
  }
}
