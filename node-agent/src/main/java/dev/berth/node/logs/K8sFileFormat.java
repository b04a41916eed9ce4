package dev.berth.node.logs;

import dev.berth.node.api.LogEntry;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Parses one record of conmon's k8s-file log: {@code <time> <stream> <tag> <text>}, the time in RFC 3339
 * with nanoseconds and the local offset ({@code 2026-11-28T04:34:12.351606929+00:00}), the stream
 * {@code stdout} or {@code stderr}, the tag {@code F} for a full line or {@code P} for a partial one (the
 * text continues in the next record of that stream), the text without its newline.
 */
final class K8sFileFormat {

  private K8sFileFormat() {
  }

  /** The entry the record holds, or empty when the line is not a well-formed record. */
  static Optional<LogEntry> parse(String record) {
    int afterTime = record.indexOf(' ');
    int afterStream = afterTime < 0 ? -1 : record.indexOf(' ', afterTime + 1);
    if (afterStream < 0 || record.length() < afterStream + 3 || record.charAt(afterStream + 2) != ' ') {
      return Optional.empty();
    }
    String stream = record.substring(afterTime + 1, afterStream);
    char tag = record.charAt(afterStream + 1);
    if (!stream.equals("stdout") && !stream.equals("stderr") || tag != 'F' && tag != 'P') {
      return Optional.empty();
    }
    Instant time;
    try {
      time = OffsetDateTime.parse(record.substring(0, afterTime), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeException e) {
      return Optional.empty();
    }
    return Optional.of(new LogEntry(time, stream, tag == 'P', record.substring(afterStream + 3)));
  }
}
