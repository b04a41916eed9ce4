package dev.berth.engine.dockerapi;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Times as the Docker API writes and reads them: query times are Unix seconds with an optional
 * fraction ({@code 1795829854.000000000}, what the CLI sends after converting durations and dates)
 * or RFC 3339; log timestamps are RFC 3339 in UTC with nine fraction digits, as dockerd's
 * {@code RFC3339NanoFixed}.
 */
final class DockerTimes {

  private static final DateTimeFormatter NANO_FIXED = DateTimeFormatter
      .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

  private DockerTimes() {
  }

  /** The time {@code value} gives, or null when it is absent; {@code name} names the parameter in the 400 message. */
  static Instant parse(String value, String name) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      if (value.matches("-?\\d+(\\.\\d{1,9})?")) {
        String[] parts = value.split("\\.");
        long seconds = Long.parseLong(parts[0]);
        long nanos = parts.length > 1 ? Long.parseLong((parts[1] + "000000000").substring(0, 9)) : 0;
        return Instant.ofEpochSecond(seconds, seconds < 0 ? -nanos : nanos);
      }
      return Instant.parse(value);
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new IllegalArgumentException("failed to parse value " + value + " of " + name
          + ": not Unix seconds or an RFC 3339 time");
    }
  }

  /** {@code 2026-11-28T01:38:08.830061755Z}: always UTC and nine fraction digits. */
  static String nanoFixed(Instant time) {
    return NANO_FIXED.format(time);
  }
}
