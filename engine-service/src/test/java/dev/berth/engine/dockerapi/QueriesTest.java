package dev.berth.engine.dockerapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.engine.container.EngineException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Docker's query parameters: filters in both shapes, times, and the events filter built on them. */
class QueriesTest {

  private static final String ID = "95c5d38c0000000000000000000000000000000000000000000000000000abcd";

  @Test
  void readsTheClisMapOfSetsAndDockerJavasMapOfLists() {
    assertThat(Filters.parse("{\"label\":{\"a=b\":true},\"status\":{\"running\":true}}").values())
        .containsEntry("label", List.of("a=b")).containsEntry("status", List.of("running"));
    assertThat(Filters.parse("{\"label\":[\"org.testcontainers=true\"]}").get("label"))
        .containsExactly("org.testcontainers=true");
    assertThat(Filters.parse(null).values()).isEmpty();
    assertThatThrownBy(() -> Filters.parse("[1]")).isInstanceOf(EngineException.InvalidArgument.class);
  }

  @Test
  void matchesLabelsByKeyOrKeyAndValue() {
    Map<String, String> labels = Map.of("a", "b", "c", "d");

    assertThat(Filters.parse("{\"label\":[\"a\"]}").labelsMatch(labels)).isTrue();
    assertThat(Filters.parse("{\"label\":[\"a=b\",\"c=d\"]}").labelsMatch(labels)).isTrue();
    assertThat(Filters.parse("{\"label\":[\"a=x\"]}").labelsMatch(labels)).isFalse();
    assertThat(Filters.parse("{\"label\":[\"z\"]}").labelsMatch(null)).isFalse();
  }

  @Test
  void readsUnixSecondsWithAFractionAndRfc3339() {
    assertThat(DockerTime.parse("1795829854.000000000", "since")).isEqualTo(Instant.ofEpochSecond(1795829854));
    assertThat(DockerTime.parse("1795829854.5", "since")).isEqualTo(Instant.ofEpochSecond(1795829854, 500_000_000));
    assertThat(DockerTime.parse("2026-11-28T01:38:08Z", "until")).isEqualTo(Instant.parse("2026-11-28T01:38:08Z"));
    assertThat(DockerTime.parse("", "until")).isNull();
    assertThatThrownBy(() -> DockerTime.parse("yesterday", "since"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("since");
  }

  @Test
  void filtersEventsByTypeActionContainerImageAndLabel() {
    EventMessage die = EventMessage.of(Instant.EPOCH, "container", "die", ID,
        Map.of("image", "bb:latest", "name", "web", "tier", "front"));
    EventMessage exec = EventMessage.of(Instant.EPOCH, "container", "exec_start: sh -c true", ID,
        Map.of("image", "bb:latest", "name", "web"));

    assertThat(DockerEventsController.matches(die, Filters.parse(null))).isTrue();
    assertThat(DockerEventsController.matches(die, filters("{\"type\":{\"container\":true},\"event\":{\"die\":true}}")))
        .isTrue();
    assertThat(DockerEventsController.matches(die, filters("{\"event\":{\"start\":true}}"))).isFalse();
    assertThat(DockerEventsController.matches(exec, filters("{\"event\":{\"exec_start\":true}}"))).isTrue();
    assertThat(DockerEventsController.matches(die, filters("{\"container\":{\"web\":true}}"))).isTrue();
    assertThat(DockerEventsController.matches(die, filters("{\"container\":{\"95c5d38c\":true}}"))).isTrue();
    assertThat(DockerEventsController.matches(die, filters("{\"container\":{\"other\":true}}"))).isFalse();
    assertThat(DockerEventsController.matches(die, filters("{\"image\":{\"bb:latest\":true}}"))).isTrue();
    assertThat(DockerEventsController.matches(die, filters("{\"label\":{\"tier=front\":true}}"))).isTrue();
    assertThat(DockerEventsController.matches(die, filters("{\"type\":{\"image\":true}}"))).isFalse();
  }

  @Test
  void filtersVolumeAndNetworkEventsByName() {
    EventMessage mount = EventMessage.of(Instant.EPOCH, "volume", "mount", "data", Map.of("container", ID));
    EventMessage connect = EventMessage.of(Instant.EPOCH, "network", "connect", "bridge", Map.of("container", ID));

    assertThat(DockerEventsController.matches(mount, filters("{\"volume\":{\"data\":true}}"))).isTrue();
    assertThat(DockerEventsController.matches(mount, filters("{\"volume\":{\"other\":true}}"))).isFalse();
    assertThat(DockerEventsController.matches(connect, filters("{\"volume\":{\"data\":true}}"))).isFalse();
    assertThat(DockerEventsController.matches(connect, filters("{\"network\":{\"bridge\":true}}"))).isTrue();
  }

  private static Filters filters(String json) {
    return Filters.parse(json);
  }
}
