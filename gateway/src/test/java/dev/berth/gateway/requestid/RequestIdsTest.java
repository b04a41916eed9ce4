package dev.berth.gateway.requestid;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestIdsTest {

  @Test
  void keepsAnIdOfUpTo64SafeCharacters() {
    assertThat(RequestIds.keepOrCreate("abc-DEF_0.9")).isEqualTo("abc-DEF_0.9");
    assertThat(RequestIds.keepOrCreate("a".repeat(64))).isEqualTo("a".repeat(64));
  }

  @Test
  void makesANewIdForAMissingLongOrUnsafeOne() {
    assertThat(RequestIds.keepOrCreate(null)).matches("[0-9a-f-]{36}");
    assertThat(RequestIds.keepOrCreate("")).matches("[0-9a-f-]{36}");
    assertThat(RequestIds.keepOrCreate("a".repeat(65))).matches("[0-9a-f-]{36}");
    assertThat(RequestIds.keepOrCreate("x\r\nSet-Cookie: a=b")).matches("[0-9a-f-]{36}");
  }
}
