package dev.berth.image.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.image.ImageException;
import org.junit.jupiter.api.Test;

class ReferencePatternTest {

  @Test
  void matchesTheNameAloneOrTheNameWithTag() {
    assertThat(ReferencePattern.compile("busybox").matches("busybox:latest")).isTrue();
    assertThat(ReferencePattern.compile("busybox:latest").matches("busybox:latest")).isTrue();
    assertThat(ReferencePattern.compile("busybox:1.36").matches("busybox:latest")).isFalse();
    assertThat(ReferencePattern.compile("busybox").matches("busybox@sha256:abc")).isTrue();
  }

  @Test
  void starsAndQuestionMarksNeverCrossASlash() {
    assertThat(ReferencePattern.compile("*").matches("busybox:latest")).isTrue();
    assertThat(ReferencePattern.compile("*").matches("team/app:1")).isFalse();
    assertThat(ReferencePattern.compile("*/*").matches("team/app:1")).isTrue();
    assertThat(ReferencePattern.compile("team/ap?:*").matches("team/app:1")).isTrue();
    assertThat(ReferencePattern.compile("team?app").matches("team/app:1")).isFalse();
  }

  @Test
  void readsCharacterClassesAndEscapes() {
    assertThat(ReferencePattern.compile("app[0-9]").matches("app7:latest")).isTrue();
    assertThat(ReferencePattern.compile("app[^0-9]").matches("app7:latest")).isFalse();
    assertThat(ReferencePattern.compile("app[^0-9]").matches("appx:latest")).isTrue();
    assertThat(ReferencePattern.compile("a\\*").matches("a*")).isTrue();
    assertThat(ReferencePattern.compile("a\\*").matches("ab")).isFalse();
    assertThat(ReferencePattern.compile("app.v1").matches("appxv1:latest")).isFalse();
  }

  @Test
  void refusesMalformedPatternsAsGoDoes() {
    for (String bad : new String[] {"app[", "app[]", "app[a-", "app\\", "[-a]"}) {
      assertThatThrownBy(() -> ReferencePattern.compile(bad))
          .as(bad)
          .isInstanceOf(ImageException.InvalidArgument.class)
          .hasMessageContaining("syntax error in pattern");
    }
  }
}
