package dev.berth.oci.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenCacheTest {

  private final MutableClock clock = new MutableClock();
  private final TokenCache cache = new TokenCache(clock);

  @Test
  void keepsATokenUntilShortlyBeforeItExpires() {
    cache.put("r", List.of(Scope.pull("a")), "t1", Duration.ofSeconds(300));

    clock.advance(Duration.ofSeconds(289));
    assertThat(cache.get("r", List.of(Scope.pull("a")))).contains("t1");
    clock.advance(Duration.ofSeconds(1));
    assertThat(cache.get("r", List.of(Scope.pull("a")))).isEmpty();
  }

  @Test
  void dropsShortLivedTokensAfterNinetyPercentOfTheirLifetime() {
    cache.put("r", List.of(Scope.pull("a")), "t1", Duration.ofSeconds(60));

    clock.advance(Duration.ofSeconds(53));
    assertThat(cache.get("r", List.of(Scope.pull("a")))).contains("t1");
    clock.advance(Duration.ofSeconds(1));
    assertThat(cache.get("r", List.of(Scope.pull("a")))).isEmpty();
  }

  @Test
  void keysTokensByRegistryAndScopeSetInAnyOrder() {
    cache.put("r", List.of(Scope.push("a"), Scope.pull("b")), "both", Duration.ofMinutes(5));

    assertThat(cache.get("r", List.of(Scope.pull("b"), Scope.push("a")))).contains("both");
    assertThat(cache.get("r", List.of(Scope.parse("repository:a:push,pull"), Scope.pull("b")))).contains("both");
    assertThat(cache.get("r", List.of(Scope.push("a")))).isEmpty();
    assertThat(cache.get("other", List.of(Scope.push("a"), Scope.pull("b")))).isEmpty();
  }

  @Test
  void forgetsEvictedTokens() {
    cache.put("r", List.of(Scope.pull("a")), "t1", Duration.ofMinutes(5));
    cache.evict("r", List.of(Scope.pull("a")));

    assertThat(cache.get("r", List.of(Scope.pull("a")))).isEmpty();
  }
}
