package dev.berth.cli.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

  private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(8), Duration.ofMinutes(1));

  @Test
  void doublesTheDelayWhileTheProcessKeepsCrashingUpToTheMaximum() {
    Duration crash = Duration.ofSeconds(2);

    assertThat(backoff.next(crash)).hasSeconds(1);
    assertThat(backoff.next(crash)).hasSeconds(2);
    assertThat(backoff.next(crash)).hasSeconds(4);
    assertThat(backoff.next(crash)).hasSeconds(8);
    assertThat(backoff.next(crash)).hasSeconds(8);
  }

  @Test
  void startsOverOnceARunLastedLongEnough() {
    backoff.next(Duration.ZERO);
    backoff.next(Duration.ZERO);

    assertThat(backoff.next(Duration.ofMinutes(5))).hasSeconds(1);
    assertThat(backoff.next(Duration.ZERO)).hasSeconds(2);
  }
}
