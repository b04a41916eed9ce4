package dev.berth.image.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ShellWordsTest {

  private static final Map<String, String> ENV = Map.of("NAME", "world", "EMPTY", "");

  @Test
  void splitsAtUnquotedWhitespaceAndDropsTheQuotes() {
    assertThat(ShellWords.split("  a \"b c\" 'd e'f\\ g ", ENV)).containsExactly("a", "b c", "d ef g");
  }

  @Test
  void substitutesVariablesOutsideSingleQuotes() {
    assertThat(ShellWords.split("$NAME \"${NAME}!\" '$NAME' \\$NAME $ $1x", ENV))
        .containsExactly("world", "world!", "$NAME", "$NAME", "$", "$1x");
  }

  @Test
  void appliesDefaultAndAlternativeModifiers() {
    assertThat(ShellWords.word("${MISSING:-d} ${EMPTY:-d} ${EMPTY-d} ${NAME:+alt} ${MISSING+alt}", ENV))
        .isEqualTo("d d  alt ");
  }

  @Test
  void keepsBackslashesInDoubleQuotesUnlessTheyEscapeSomething() {
    assertThat(ShellWords.word("\"a\\tb \\\" \\$ \\\\\"", ENV)).isEqualTo("a\\tb \" $ \\");
  }

  @Test
  void splitsRawWordsKeepingQuotesAndEscapes() {
    assertThat(ShellWords.splitRaw("a=\"x y\" b='p q' c=d\\ e")).containsExactly("a=\"x y\"", "b='p q'", "c=d\\ e");
  }
}
