package dev.berth.registry.blob;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One satisfiable byte range of a {@code Range: bytes=...} request header
 * (<a href="https://www.rfc-editor.org/rfc/rfc9110#section-14.1.2">RFC 9110 §14.1.2</a>),
 * {@code end} inclusive.
 */
record ByteRange(long start, long end) {

  private static final Pattern SINGLE = Pattern.compile("bytes=(\\d*)-(\\d*)");

  /** Thrown for a range that lies outside the content: answered with 416. */
  static class Unsatisfiable extends RuntimeException {
    Unsatisfiable() {
      super(null, null, false, false);
    }
  }

  long length() {
    return end - start + 1;
  }

  /**
   * The range {@code header} asks of content of {@code size} bytes; null for a missing, malformed
   * or multi-range header, which is answered with the whole content.
   */
  static ByteRange parse(String header, long size) {
    if (header == null) {
      return null;
    }
    Matcher m = SINGLE.matcher(header.trim());
    if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
      return null;
    }
    try {
      if (m.group(1).isEmpty()) {
        long suffix = Long.parseLong(m.group(2));
        if (suffix == 0 || size == 0) {
          throw new Unsatisfiable();
        }
        return new ByteRange(Math.max(0, size - suffix), size - 1);
      }
      long start = Long.parseLong(m.group(1));
      long end = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
      if (start >= size || end < start) {
        throw new Unsatisfiable();
      }
      return new ByteRange(start, end);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
