package dev.berth.registry.distribution;

import dev.berth.oci.Digest;
import dev.berth.oci.InvalidDigestException;
import java.util.Map;

/** Digests from request paths and parameters, refused with {@code DIGEST_INVALID} when malformed. */
public final class Digests {

  private Digests() {
  }

  public static Digest parse(String value) {
    try {
      return Digest.parse(value);
    } catch (InvalidDigestException e) {
      throw new DistributionException(ErrorCode.DIGEST_INVALID, e.getMessage(), Map.of("digest", String.valueOf(value)));
    }
  }
}
