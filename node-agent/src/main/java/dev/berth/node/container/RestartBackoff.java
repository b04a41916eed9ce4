package dev.berth.node.container;

import dev.berth.node.api.RestartPolicy;
import java.time.Duration;

/**
 * Docker's restart rules: {@code always} and {@code unless-stopped} restart after any exit not
 * requested by a stop or kill, {@code on-failure[:N]} after a non-zero exit while fewer than N
 * restarts were made (N = 0: no limit). The delay starts at 100 ms and doubles with each restart,
 * up to one minute, and falls back to 100 ms after a run of ten seconds or more.
 */
final class RestartBackoff {

  static final Duration INITIAL = Duration.ofMillis(100);
  static final Duration MAX = Duration.ofMinutes(1);
  static final Duration RESET_AFTER = Duration.ofSeconds(10);

  private Duration next = INITIAL;

  private RestartBackoff() {
  }

  static RestartBackoff initial() {
    return new RestartBackoff();
  }

  static boolean shouldRestart(RestartPolicy policy, ContainerRecord exited) {
    if (policy == null || policy.name() == null || exited.manuallyStopped()) {
      return false;
    }
    return switch (policy.name()) {
      case "always", "unless-stopped" -> true;
      case "on-failure" -> exited.exitCode() != null && exited.exitCode() != 0
          && (policy.maximumRetryCount() == 0 || exited.restartCount() < policy.maximumRetryCount());
      default -> false;
    };
  }

  /** The delay before the next restart, given how long the last run lasted. */
  Duration next(Duration lastRun) {
    if (lastRun.compareTo(RESET_AFTER) >= 0) {
      next = INITIAL;
    }
    Duration delay = next;
    next = next.multipliedBy(2).compareTo(MAX) > 0 ? MAX : next.multipliedBy(2);
    return delay;
  }
}
