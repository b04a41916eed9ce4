package dev.berth.registry.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ByteRangeTest {

  @ParameterizedTest
  @CsvSource({
      "bytes=0-9,      0,  9",
      "bytes=90-,      90, 99",
      "bytes=-10,      90, 99",
      "bytes=-200,     0,  99",
      "bytes=50-500,   50, 99",
      "bytes=99-99,    99, 99",
      "' bytes=1-2 ',  1,  2"})
  void readsSingleRangeWithinContent(String header, long start, long end) {
    ByteRange range = ByteRange.parse(header, 100);

    assertThat(range).isEqualTo(new ByteRange(start, end));
    assertThat(range.length()).isEqualTo(end - start + 1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"bytes=100-", "bytes=100-200", "bytes=-0", "bytes=5-3"})
  void refusesRangeOutsideContent(String header) {
    assertThatThrownBy(() -> ByteRange.parse(header, 100)).isInstanceOf(ByteRange.Unsatisfiable.class);
  }

  @Test
  void refusesEveryRangeOfEmptyContent() {
    assertThatThrownBy(() -> ByteRange.parse("bytes=0-", 0)).isInstanceOf(ByteRange.Unsatisfiable.class);
    assertThatThrownBy(() -> ByteRange.parse("bytes=-5", 0)).isInstanceOf(ByteRange.Unsatisfiable.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"bytes=0-9,20-29", "items=0-9", "bytes=", "bytes=-", "bytes=a-b",
      "bytes=99999999999999999999-"})
  void ignoresMultipleMalformedOrForeignRanges(String header) {
    assertThat(ByteRange.parse(header, 100)).isNull();
  }

  @Test
  void answersMissingHeaderWithWholeContent() {
    assertThat(ByteRange.parse(null, 100)).isNull();
  }
}
