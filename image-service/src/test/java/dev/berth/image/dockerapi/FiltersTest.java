package dev.berth.image.dockerapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.image.ImageException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FiltersTest {

  @Test
  void readsTheClisMapOfSets() {
    Filters filters = Filters.parse("{\"reference\":{\"bb\":true,\"cc:*\":true},\"dangling\":{\"true\":true}}");

    assertThat(filters.get("reference")).containsExactly("bb", "cc:*");
    assertThat(filters.bool("dangling")).contains(true);
  }

  @Test
  void readsDockerJavasMapOfLists() {
    Filters filters = Filters.parse("{\"label\":[\"org.testcontainers.sessionId=42\"],\"dangling\":[\"0\"]}");

    assertThat(filters.get("label")).containsExactly("org.testcontainers.sessionId=42");
    assertThat(filters.bool("dangling")).contains(false);
  }

  @Test
  void treatsAnAbsentParameterAsNoFilter() {
    assertThat(Filters.parse(null).values()).isEmpty();
    assertThat(Filters.parse("").get("reference")).isEqualTo(List.of());
    assertThat(Filters.parse("{}").bool("dangling")).isEmpty();
  }

  @Test
  void refusesFiltersDockerdDoesNotKnow() {
    Filters filters = Filters.parse("{\"bogus\":[\"x\"]}");

    assertThatThrownBy(() -> filters.accept(Set.of("reference"))).isInstanceOf(ImageException.InvalidArgument.class)
        .hasMessage("invalid filter 'bogus'");
  }

  @Test
  void refusesMalformedJsonAndBooleans() {
    assertThatThrownBy(() -> Filters.parse("{\"reference\":")).isInstanceOf(ImageException.InvalidArgument.class);
    assertThatThrownBy(() -> Filters.parse("[\"x\"]")).isInstanceOf(ImageException.InvalidArgument.class);
    assertThatThrownBy(() -> Filters.parse("{\"reference\":\"bb\"}")).isInstanceOf(ImageException.InvalidArgument.class);
    assertThatThrownBy(() -> Filters.parse("{\"dangling\":[\"maybe\"]}").bool("dangling"))
        .isInstanceOf(ImageException.InvalidArgument.class).hasMessage("invalid filter 'dangling=maybe'");
  }
}
