package dev.berth.oci;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A content digest, {@code algorithm:encoded}, validated against the grammar and the registered
 * algorithms of the <a href="https://github.com/opencontainers/image-spec/blob/v1.1.1/descriptor.md#digests">OCI
 * image spec</a>.
 */
public record Digest(DigestAlgorithm algorithm, String encoded) implements Comparable<Digest> {

  private static final Pattern GRAMMAR =
      Pattern.compile("[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+");

  public Digest {
    if (algorithm == null || encoded == null || !algorithm.accepts(encoded)) {
      throw new InvalidDigestException((algorithm == null ? null : algorithm.id()) + ":" + encoded,
          "encoded part does not match the algorithm");
    }
  }

  /** Parses {@code algorithm:encoded}; throws {@link InvalidDigestException} when malformed or unsupported. */
  @JsonCreator
  public static Digest parse(String value) {
    if (value == null || value.length() > 255 || !GRAMMAR.matcher(value).matches()) {
      throw new InvalidDigestException(value, "not of the form algorithm:encoded");
    }
    int colon = value.indexOf(':');
    DigestAlgorithm algorithm = DigestAlgorithm.byId(value.substring(0, colon))
        .orElseThrow(() -> new InvalidDigestException(value, "unsupported digest algorithm"));
    return new Digest(algorithm, value.substring(colon + 1));
  }

  /** The digest of {@code bytes} under {@code algorithm}. */
  public static Digest of(DigestAlgorithm algorithm, byte[] bytes) {
    return fromHash(algorithm, algorithm.newMessageDigest().digest(bytes));
  }

  /** The SHA-256 digest of {@code bytes}. */
  public static Digest sha256(byte[] bytes) {
    return of(DigestAlgorithm.SHA256, bytes);
  }

  /** The digest whose hash value {@code finished} was computed by {@link MessageDigest#digest()}. */
  public static Digest of(DigestAlgorithm algorithm, MessageDigest finished) {
    return fromHash(algorithm, finished.digest());
  }

  private static Digest fromHash(DigestAlgorithm algorithm, byte[] hash) {
    return new Digest(algorithm, HexFormat.of().formatHex(hash));
  }

  /** Whether {@code value} is a well-formed digest of a supported algorithm. */
  public static boolean isDigest(String value) {
    try {
      parse(value);
      return true;
    } catch (InvalidDigestException e) {
      return false;
    }
  }

  @JsonValue
  @Override
  public String toString() {
    return algorithm.id() + ":" + encoded;
  }

  @Override
  public int compareTo(Digest other) {
    return toString().compareTo(other.toString());
  }
}
