package dev.berth.engine.dockerapi;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Times as the Docker API writes and reads them: query times are Unix seconds with an optional
 * fraction or RFC 3339; log timestamps RFC 3339 in UTC with nine fraction digits (dockerd's
 * {@code RFC3339NanoFixed}); state times Go's RFC 3339 with nanoseconds (trailing zeros of the
 * fraction dropped, {@code 0001-01-01T00:00:00Z} for never); ages go-units' {@code HumanDuration}.
 */
final class DockerTime {

  /** Go's zero time, which Docker shows for "never". */
  static final String NEVER = "0001-01-01T00:00:00Z";

  private static final DateTimeFormatter NANO_FIXED = DateTimeFormatter
      .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
      .withZone(ZoneOffset.UTC);

  private DockerTime() {
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

  /** {@code time} in Go's {@code time.RFC3339Nano}; {@link #NEVER} for null. */
  static String rfc3339Nano(Instant time) {
    if (time == null) {
      return NEVER;
    }
    StringBuilder text = new StringBuilder(SECONDS.format(time));
    if (time.getNano() != 0) {
      String fraction = String.format("%09d", time.getNano()).replaceAll("0+$", "");
      text.append('.').append(fraction);
    }
    return text.append('Z').toString();
  }

  /** docker/go-units {@code HumanDuration}: "Less than a second", "About a minute", "3 hours", "2 weeks". */
  static String humanDuration(Duration duration) {
    long seconds = duration.toSeconds();
    if (seconds < 1) {
      return "Less than a second";
    } else if (seconds == 1) {
      return "1 second";
    } else if (seconds < 60) {
      return seconds + " seconds";
    }
    long minutes = duration.toMinutes();
    if (minutes == 1) {
      return "About a minute";
    } else if (minutes < 60) {
      return minutes + " minutes";
    }
    long hours = (long) (duration.toNanos() / 3.6e12 + 0.5);
    if (hours == 1) {
      return "About an hour";
    } else if (hours < 48) {
      return hours + " hours";
    } else if (hours < 24 * 7 * 2) {
      return hours / 24 + " days";
    } else if (hours < 24 * 30 * 2) {
      return hours / 24 / 7 + " weeks";
    } else if (hours < 24 * 365 * 2) {
      return hours / 24 / 30 + " months";
    }
    return duration.toHours() / 24 / 365 + " years";
  }
}
