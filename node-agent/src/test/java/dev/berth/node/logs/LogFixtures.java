package dev.berth.node.logs;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Builds k8s-file records as conmon writes them. */
final class LogFixtures {

  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static final DateTimeFormatter CONMON_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSSxxx").withZone(ZoneOffset.ofHours(2));

  private LogFixtures() {
  }

  /** The record line, newline included, of {@code text} written {@code second} seconds after {@link #T0}. */
  static String record(int second, String stream, String text) {
    return CONMON_TIME.format(T0.plusSeconds(second)) + " " + stream + " F " + text + "\n";
  }

  static String partial(int second, String stream, String text) {
    return CONMON_TIME.format(T0.plusSeconds(second)) + " " + stream + " P " + text + "\n";
  }
}
