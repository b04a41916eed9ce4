package dev.berth.image.dockerapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.image.ImageException;
import dev.berth.image.store.ImageView;
import dev.berth.oci.ImageConfig;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImageFilterTest {

  private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

  @Test
  void matchesReferencesWithGoPathGlobsOnNameAndTag() {
    ImageFilter filter = filter("{\"reference\":[\"team/*:1\",\"bb\"]}");

    assertThat(filter.references(List.of("team/app:1", "team/app:2", "team/x/app:1", "bb:latest", "bb@sha256:ab",
        "bbb:latest"))).containsExactly("team/app:1", "bb:latest", "bb@sha256:ab");
  }

  @Test
  void translatesCharacterClassesAndEscapes() {
    assertThat(ImageFilter.glob("a[0-9]?\\*").matcher("a1x*").matches()).isTrue();
    assertThat(ImageFilter.glob("a[^0-9]").matcher("a1").matches()).isFalse();
    assertThat(ImageFilter.glob("a.b").matcher("axb").matches()).isFalse();
    assertThatThrownBy(() -> ImageFilter.glob("a[")).isInstanceOf(ImageException.InvalidArgument.class);
  }

  @Test
  void keepsImagesWithoutMatchingReferencesOut() {
    assertThat(filter("{\"reference\":{\"nope\":true}}").matches(image(List.of("bb:1"), Map.of(), NOW))).isFalse();
    assertThat(filter("{\"reference\":{\"bb\":true}}").matches(image(List.of("bb:1"), Map.of(), NOW))).isTrue();
  }

  @Test
  void requiresEveryLabelAndExcludesWhenAllNegatedLabelsHold() {
    ImageView labelled = image(List.of(), Map.of("a", "1", "b", "2"), NOW);

    assertThat(filter("{\"label\":[\"a\",\"b=2\"]}").matches(labelled)).isTrue();
    assertThat(filter("{\"label\":[\"a=2\"]}").matches(labelled)).isFalse();
    assertThat(filter("{\"label!\":[\"a\",\"c\"]}").matches(labelled)).isTrue();
    assertThat(filter("{\"label!\":[\"a\"]}").matches(labelled)).isFalse();
  }

  @Test
  void keepsImagesCreatedBeforeUntil() {
    ImageView dayOld = image(List.of(), Map.of(), NOW.minusSeconds(86_400));

    assertThat(filter("{\"until\":[\"1h\"]}").matches(dayOld)).isTrue();
    assertThat(filter("{\"until\":[\"48h\"]}").matches(dayOld)).isFalse();
    assertThat(filter("{\"until\":[\"2026-11-28T00:00:00Z\"]}").matches(dayOld)).isTrue();
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

  private static ImageFilter filter(String json) {
    return new ImageFilter(Filters.parse(json), name -> NOW, NOW);
  }

  private static ImageView image(List<String> tags, Map<String, String> labels, Instant created) {
    ImageConfig config = new ImageConfig(created.toString(), null, "amd64", "linux", null, null,
        new ImageConfig.Config(null, null, null, null, null, null, null, labels, null), null, null);
    return new ImageView("sha256:" + "a".repeat(64), tags, List.of(), created, 1, "linux", "amd64", null,
        "sha256:" + "b".repeat(64), "application/vnd.oci.image.manifest.v1+json", config, List.of(), NOW);
  }
}
