package dev.berth.registry.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.registry.distribution.DistributionException;
import dev.berth.registry.distribution.ErrorCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ContentRangeTest {

  @ParameterizedTest
  @CsvSource({
      "0-9,           0,  9",
      "10-10,         10, 10",
      "bytes 0-9/100, 0,  9",
      "bytes=5-14,    5,  14",
      "20-29/*,       20, 29"})
  void readsInclusiveRange(String header, long start, long end) {
    ContentRange range = ContentRange.parse(header);

    assertThat(range).isEqualTo(new ContentRange(start, end));
    assertThat(range.length()).isEqualTo(end - start + 1);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = " ")
  void treatsMissingHeaderAsNoRange(String header) {
    assertThat(ContentRange.parse(header)).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"9-0", "ten-twenty", "-5", "5-", "0-9/", "bytes 0-9 extra", "99999999999999999999-1"})
  void refusesMalformedRangeAsInvalidUpload(String header) {
    assertThatThrownBy(() -> ContentRange.parse(header))
        .isInstanceOfSatisfying(DistributionException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.BLOB_UPLOAD_INVALID));
  }
}
