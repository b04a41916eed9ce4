package dev.berth.e2e;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 content digests in the OCI form {@code sha256:<64 hex>}. */
final class Sha256 {

  private Sha256() {
  }

  static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** The digest of bytes already hashed into {@code digest}. */
  static String format(MessageDigest digest) {
    return "sha256:" + HexFormat.of().formatHex(digest.digest());
  }

  static String of(byte[] content) {
    MessageDigest digest = newDigest();
    digest.update(content);
    return format(digest);
  }
}
