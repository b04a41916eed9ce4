package dev.berth.registry.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RepositoryNameTest {

  @ParameterizedTest
  @ValueSource(strings = {"a", "0", "busybox", "library/busybox", "team/app/api", "a.b", "a_b", "a__b", "a---b",
      "registry-1.docker.io/x", "a1/b2/c3/d4"})
  void acceptsNamesOfTheGrammar(String value) {
    assertThat(new RepositoryName(value).value()).isEqualTo(value);
    assertThat(new RepositoryName(value)).hasToString(value);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"A", "Busybox", "a..b", "a._b", "a___b", "_a", "a_", "-a", "a-", "a/", "/a", "a//b",
      "a b", "a:b", "a/B"})
  void refusesNamesOutsideTheGrammar(String value) {
    assertThatThrownBy(() -> new RepositoryName(value))
        .isInstanceOfSatisfying(DistributionException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.NAME_INVALID));
  }

  @Test
  void limitsNamesTo255Characters() {
    String longest = "a".repeat(127) + "/" + "b".repeat(127);

    assertThat(new RepositoryName(longest).value()).hasSize(255);
    assertThatThrownBy(() -> new RepositoryName(longest + "b")).isInstanceOf(DistributionException.class);
  }
}
