package dev.berth.registry.manifest;

import dev.berth.oci.Digest;
import dev.berth.registry.distribution.Digests;
import dev.berth.registry.distribution.DistributionException;
import dev.berth.registry.distribution.ErrorCode;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code <reference>} of a manifest path: a digest, or a tag of at most 128 characters
 * matching {@code [a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}}.
 */
record ManifestReference(String tag, Digest digest) {

  private static final Pattern TAG = Pattern.compile("[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}");

  static ManifestReference parse(String reference) {
    if (reference.indexOf(':') >= 0) {
      return new ManifestReference(null, Digests.parse(reference));
    }
    if (!TAG.matcher(reference).matches()) {
      throw new DistributionException(ErrorCode.TAG_INVALID, "invalid tag \"" + reference + "\"",
          Map.of("tag", reference));
    }
    return new ManifestReference(reference, null);
  }

  boolean isTag() {
    return tag != null;
  }

  @Override
  public String toString() {
    return isTag() ? tag : digest.toString();
  }
}
