package dev.berth.image.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelFilterTest {

  @Test
  void aKeyAsksForTheLabelWithAnyValue() {
    assertThat(LabelFilter.parse("team").matches(Map.of("team", "a"))).isTrue();
    assertThat(LabelFilter.parse("team").matches(Map.of("other", "a"))).isFalse();
  }

  @Test
  void aKeyAndValueAsksForThatValueSplittingAtTheFirstEqualsSign() {
    assertThat(LabelFilter.parse("team=a").matches(Map.of("team", "a"))).isTrue();
    assertThat(LabelFilter.parse("team=a").matches(Map.of("team", "b"))).isFalse();
    assertThat(LabelFilter.parse("expr=x=1").matches(Map.of("expr", "x=1"))).isTrue();
    assertThat(LabelFilter.parse("team=").matches(Map.of("team", ""))).isTrue();
  }
}
