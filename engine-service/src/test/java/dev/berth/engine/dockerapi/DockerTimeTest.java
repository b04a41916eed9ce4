package dev.berth.engine.dockerapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DockerTimeTest {

  @Test
  void writesGoRfc3339NanoWithoutTrailingZeros() {
    assertThat(DockerTime.rfc3339Nano(Instant.parse("2026-11-28T01:38:08.638786960Z")))
        .isEqualTo("2026-11-28T01:38:08.63878696Z");
    assertThat(DockerTime.rfc3339Nano(Instant.parse("2026-11-28T01:38:08Z"))).isEqualTo("2026-11-28T01:38:08Z");
    assertThat(DockerTime.rfc3339Nano(null)).isEqualTo("0001-01-01T00:00:00Z");
  }

  @Test
  void humanDurationFollowsGoUnits() {
    assertThat(human(Duration.ofMillis(999))).isEqualTo("Less than a second");
    assertThat(human(Duration.ofSeconds(1))).isEqualTo("1 second");
    assertThat(human(Duration.ofSeconds(59))).isEqualTo("59 seconds");
    assertThat(human(Duration.ofSeconds(60))).isEqualTo("About a minute");
    assertThat(human(Duration.ofSeconds(119))).isEqualTo("About a minute");
    assertThat(human(Duration.ofMinutes(2))).isEqualTo("2 minutes");
    assertThat(human(Duration.ofMinutes(59))).isEqualTo("59 minutes");
    assertThat(human(Duration.ofMinutes(60))).isEqualTo("About an hour");
    assertThat(human(Duration.ofMinutes(89))).isEqualTo("About an hour");
    assertThat(human(Duration.ofMinutes(90))).isEqualTo("2 hours");
    assertThat(human(Duration.ofHours(47))).isEqualTo("47 hours");
    assertThat(human(Duration.ofHours(48))).isEqualTo("2 days");
    assertThat(human(Duration.ofDays(13))).isEqualTo("13 days");
    assertThat(human(Duration.ofDays(14))).isEqualTo("2 weeks");
    assertThat(human(Duration.ofDays(59))).isEqualTo("8 weeks");
    assertThat(human(Duration.ofDays(60))).isEqualTo("2 months");
    assertThat(human(Duration.ofDays(729))).isEqualTo("24 months");
    assertThat(human(Duration.ofDays(730))).isEqualTo("2 years");
  }

  private static String human(Duration duration) {
    return DockerTime.humanDuration(duration);
  }
}
