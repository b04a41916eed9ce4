package dev.berth.registry.distribution;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * A repository name as the <a href="https://github.com/opencontainers/distribution-spec/blob/v1.1.1/spec.md#pulling-manifests">distribution
 * spec</a> defines it: path components of lower-case alphanumerics joined by separators, at most
 * 255 characters in all.
 */
public record RepositoryName(String value) {

  /** The request attribute where routing leaves the raw name. */
  public static final String ATTRIBUTE = RepositoryName.class.getName();

  private static final Pattern GRAMMAR = Pattern.compile(
      "[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*)*");
  private static final int MAX_LENGTH = 255;

  public RepositoryName {
    if (value == null || value.length() > MAX_LENGTH || !GRAMMAR.matcher(value).matches()) {
      throw new DistributionException(ErrorCode.NAME_INVALID,
          "invalid repository name \"" + value + "\"", Map.of("name", String.valueOf(value)));
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
