package dev.berth.node.logs;

import java.time.Instant;

/**
 * What to read from a container's log, as {@code docker logs} asks for it.
 *
 * @param since only records written at or after this instant; all when null
 * @param until only records written at or before this instant; all when null
 * @param tail only the last this many matching records (each partial record counts as one); all when
 *     negative
 * @param stdout whether records of standard output are wanted
 * @param stderr whether records of standard error are wanted
 * @param follow whether to keep delivering records as they are written until the container stops
 */
public record LogQuery(Instant since, Instant until, int tail, boolean stdout, boolean stderr, boolean follow) {

  /** Every record of both streams, without following. */
  public static LogQuery all() {
    return new LogQuery(null, null, -1, true, true, false);
  }

  /** Every record of both streams, then the new ones as they are written. */
  public static LogQuery following() {
    return new LogQuery(null, null, -1, true, true, true);
  }

  boolean wants(String stream) {
    return "stdout".equals(stream) ? stdout : "stderr".equals(stream) && stderr;
  }

  boolean inWindow(Instant time) {
    return (since == null || !time.isBefore(since)) && (until == null || !time.isAfter(until));
  }
}
