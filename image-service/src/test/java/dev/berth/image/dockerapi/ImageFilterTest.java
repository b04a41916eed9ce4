package dev.berth.image.dockerapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.image.ImageException;
import dev.berth.image.query.ImageFilters;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ImageFilterTest {

  private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

  @Test
  void translatesDockersFiltersOntoTheStoresInBothShapes() {
    ImageFilters map = ImageFilter.of(Filters.parse(
        "{\"reference\":{\"bb*\":true},\"label\":{\"a=1\":true},\"label!\":{\"b\":true},\"before\":{\"x:1\":true}}"),
        null, NOW);
    ImageFilters list = ImageFilter.of(Filters.parse("{\"reference\":[\"bb*\"],\"since\":[\"y:2\"],\"dangling\":[\"false\"]}"),
        null, NOW);

    assertThat(map.reference()).containsExactly("bb*");
    assertThat(map.label()).containsExactly("a=1");
    assertThat(map.notLabel()).containsExactly("b");
    assertThat(map.before()).isEqualTo("x:1");
    assertThat(map.dangling()).isNull();
    assertThat(list.reference()).containsExactly("bb*");
    assertThat(list.since()).isEqualTo("y:2");
    assertThat(list.dangling()).isFalse();
  }

  @Test
  void pruningTakesOnlyDanglingImagesUnlessToldOtherwise() {
    assertThat(ImageFilter.of(Filters.parse(null), true, NOW).dangling()).isTrue();
    assertThat(ImageFilter.of(Filters.parse("{\"dangling\":{\"false\":true}}"), true, NOW).dangling()).isFalse();
  }

  @Test
  void keepsTheEarliestUntil() {
    ImageFilters filters = ImageFilter.of(Filters.parse("{\"until\":{\"1h\":true,\"2h\":true}}"), null, NOW);

    assertThat(filters.until()).isEqualTo(NOW.minusSeconds(7200));
  }

  @Test
  void readsTimestampsAsMobyDoes() {
    assertThat(ImageFilter.timestamp("1h30m", NOW)).isEqualTo(NOW.minusSeconds(5400));
    assertThat(ImageFilter.timestamp("1.5s", NOW)).isEqualTo(NOW.minusMillis(1500));
    assertThat(ImageFilter.timestamp("1795829655", NOW)).isEqualTo(Instant.ofEpochSecond(1795829655));
    assertThat(ImageFilter.timestamp("1795829655.5", NOW)).isEqualTo(Instant.ofEpochSecond(1795829655, 500_000_000));
    assertThat(ImageFilter.timestamp("2026-11-28T01:37:52.05+01:00", NOW))
        .isEqualTo(Instant.parse("2026-11-28T00:37:52.05Z"));
    assertThatThrownBy(() -> ImageFilter.timestamp("yesterday", NOW)).isInstanceOf(ImageException.InvalidArgument.class);
  }
}
