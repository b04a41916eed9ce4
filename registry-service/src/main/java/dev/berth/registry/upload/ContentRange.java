package dev.berth.registry.upload;

import dev.berth.registry.distribution.DistributionException;
import dev.berth.registry.distribution.ErrorCode;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code Content-Range: <start>-<end>} of a chunk
 * (<a href="https://github.com/opencontainers/distribution-spec/blob/v1.1.1/spec.md#pushing-a-blob-in-chunks">spec</a>),
 * inclusive; the {@code bytes } unit and a {@code /total} suffix are tolerated.
 */
record ContentRange(long start, long end) {

  private static final Pattern FORM = Pattern.compile("(?:bytes[ =])?(\\d+)-(\\d+)(?:/(?:\\d+|\\*))?");

  long length() {
    return end - start + 1;
  }

  /** Parses the header; null when absent, refused with 400 when malformed. */
  static ContentRange parse(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    Matcher m = FORM.matcher(header.trim());
    try {
      if (m.matches()) {
        ContentRange range = new ContentRange(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
        if (range.end >= range.start) {
          return range;
        }
      }
    } catch (NumberFormatException e) {
      // falls through to the refusal
    }
    throw new DistributionException(ErrorCode.BLOB_UPLOAD_INVALID, "malformed Content-Range \"" + header + "\"",
        Map.of("Content-Range", header));
  }
}
