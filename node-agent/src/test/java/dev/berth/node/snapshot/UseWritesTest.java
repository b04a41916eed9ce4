package dev.berth.node.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class UseWritesTest {

  private final UseWrites writes = new UseWrites();
  private final Instant start = Instant.parse("2030-01-01T00:00:00Z");

  @Test
  void writesTheFirstUseThenAtMostOncePerInterval() {
    assertThat(writes.due(1, start)).isTrue();
    assertThat(writes.due(1, start.plusSeconds(1))).isFalse();
    assertThat(writes.due(2, start.plusSeconds(1))).isTrue();
    assertThat(writes.due(1, start.plus(UseWrites.INTERVAL).minusMillis(1))).isFalse();
    assertThat(writes.due(1, start.plus(UseWrites.INTERVAL))).isTrue();
    assertThat(writes.due(1, start.plus(UseWrites.INTERVAL).plusSeconds(1))).isFalse();
  }

  @Test
  void writesAgainAfterTheClockWentBackOrTheSnapshotWasForgotten() {
    assertThat(writes.due(1, start)).isTrue();
    assertThat(writes.due(1, start.minusSeconds(5))).isTrue();
    writes.forget(1);
    assertThat(writes.due(1, start.minusSeconds(4))).isTrue();
  }
}
