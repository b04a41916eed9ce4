package dev.berth.cli.supervisor;

import java.time.Duration;

/**
 * The delay before restarting a process that exited: {@code initial}, doubled after each exit
 * that came soon after its start, up to {@code max}; back to {@code initial} once a run lasted
 * {@code stable}. A process that keeps crashing is retried ever more slowly, one that crashed
 * after running well is restarted at once.
 */
public final class Backoff {

  private final Duration initial;
  private final Duration max;
  private final Duration stable;
  private Duration next;

  public Backoff(Duration initial, Duration max, Duration stable) {
    this.initial = initial;
    this.max = max;
    this.stable = stable;
    this.next = initial;
  }

  /** The delays the supervisor uses: 1 s, doubling to 30 s, reset after a minute of running. */
  public static Backoff standard() {
    return new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(1));
  }

  /** The delay before the next start of a process that exited after running for {@code uptime}. */
  public synchronized Duration next(Duration uptime) {
    if (uptime.compareTo(stable) >= 0) {
      next = initial;
    }
    Duration delay = next;
    Duration doubled = next.multipliedBy(2);
    next = doubled.compareTo(max) > 0 ? max : doubled;
    return delay;
  }
}
