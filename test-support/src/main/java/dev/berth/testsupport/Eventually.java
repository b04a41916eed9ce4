package dev.berth.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polling for a state that other processes reach in their own time (a container exits, a node comes up). */
public final class Eventually {

  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final Duration POLL = Duration.ofMillis(100);

  private Eventually() {
  }

  /** Polls {@code probe} until {@code done} accepts its value, for up to 30 seconds; fails with the last value. */
  public static <T> T eventually(Supplier<T> probe, Predicate<T> done) throws InterruptedException {
    return eventually(PATIENCE, probe, done);
  }

  /** Polls {@code probe} until {@code done} accepts its value, for up to {@code patience}; fails with the last value. */
  public static <T> T eventually(Duration patience, Supplier<T> probe, Predicate<T> done) throws InterruptedException {
    Instant deadline = Instant.now().plus(patience);
    T value = probe.get();
    while (!done.test(value)) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("still not reached after " + patience + "; last value " + value);
      }
      Thread.sleep(POLL);
      value = probe.get();
    }
    return value;
  }
}
