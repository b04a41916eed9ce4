package dev.berth.oci;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The registered digest algorithms of the OCI image spec
 * (<a href="https://github.com/opencontainers/image-spec/blob/v1.1.1/descriptor.md#registered-algorithms">descriptor.md</a>).
 */
public enum DigestAlgorithm {
  SHA256("sha256", "SHA-256", 64),
  SHA512("sha512", "SHA-512", 128);

  private final String id;
  private final String jcaName;
  private final Pattern encoded;

  DigestAlgorithm(String id, String jcaName, int hexLength) {
    this.id = id;
    this.jcaName = jcaName;
    this.encoded = Pattern.compile("[a-f0-9]{" + hexLength + "}");
  }

  /** The algorithm identifier as written in a digest string, e.g. {@code sha256}. */
  public String id() {
    return id;
  }

  /** A fresh {@link MessageDigest} computing this algorithm. */
  public MessageDigest newMessageDigest() {
    try {
      return MessageDigest.getInstance(jcaName);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(jcaName + " is required by the Java platform", e);
    }
  }

  boolean accepts(String encodedPart) {
    return encoded.matcher(encodedPart).matches();
  }

  /** The algorithm with the given identifier, if it is one we implement. */
  public static Optional<DigestAlgorithm> byId(String id) {
    return Arrays.stream(values()).filter(a -> a.id.equals(id)).findFirst();
  }
}
