package dev.berth.node.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.node.api.ContainerSpec;
import dev.berth.node.api.RestartPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RestartBackoffTest {

  @Test
  void doublesTheDelayFromAHundredMillisecondsUpToAMinute() {
    RestartBackoff backoff = RestartBackoff.initial();
    assertThat(backoff.next(Duration.ZERO)).isEqualTo(Duration.ofMillis(100));
    assertThat(backoff.next(Duration.ZERO)).isEqualTo(Duration.ofMillis(200));
    assertThat(backoff.next(Duration.ZERO)).isEqualTo(Duration.ofMillis(400));
    for (int i = 0; i < 20; i++) {
      backoff.next(Duration.ZERO);
    }
    assertThat(backoff.next(Duration.ZERO)).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void startsOverAfterARunOfTenSeconds() {
    RestartBackoff backoff = RestartBackoff.initial();
    backoff.next(Duration.ZERO);
    backoff.next(Duration.ZERO);
    assertThat(backoff.next(Duration.ofSeconds(10))).isEqualTo(Duration.ofMillis(100));
  }

  @Test
  void restartsOnFailureOnlyAfterNonZeroExitsAndUpToTheLimit() {
    RestartPolicy onFailure = new RestartPolicy("on-failure", 2);
    assertThat(RestartBackoff.shouldRestart(onFailure, exited(1, 0, false))).isTrue();
    assertThat(RestartBackoff.shouldRestart(onFailure, exited(1, 2, false))).isFalse();
    assertThat(RestartBackoff.shouldRestart(onFailure, exited(0, 0, false))).isFalse();
    assertThat(RestartBackoff.shouldRestart(new RestartPolicy("on-failure", 0), exited(1, 50, false))).isTrue();
  }

  @Test
  void restartsAlwaysUnlessStoppedByRequest() {
    assertThat(RestartBackoff.shouldRestart(new RestartPolicy("always", 0), exited(0, 7, false))).isTrue();
    assertThat(RestartBackoff.shouldRestart(new RestartPolicy("unless-stopped", 0), exited(0, 0, true))).isFalse();
    assertThat(RestartBackoff.shouldRestart(RestartPolicy.no(), exited(1, 0, false))).isFalse();
  }

  private static ContainerRecord exited(int exitCode, int restarts, boolean manuallyStopped) {
    ContainerSpec spec = new ContainerSpec("a".repeat(64), "c", "sha256:" + "b".repeat(64), null, null, null, null,
        null, null, null, false, false, null, null, null, null);
    return new ContainerRecord(spec, null, null, ContainerRecord.EXITED, 0, exitCode, false, null, Instant.EPOCH,
        Instant.EPOCH, Instant.EPOCH, restarts, manuallyStopped, null, List.of(), 1);
  }
}
