package dev.berth.oci.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens by registry and scope set, kept until shortly before their {@code expires_in}
 * runs out (<a href="https://distribution.github.io/distribution/spec/auth/token/#token-response-fields">token
 * response fields</a>).
 */
final class TokenCache {

  /** Tokens are dropped this long before they expire, or after 90% of a shorter lifetime. */
  private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(10);

  private final Clock clock;
  private final Map<Key, Entry> tokens = new ConcurrentHashMap<>();

  TokenCache(Clock clock) {
    this.clock = clock;
  }

  Optional<String> get(String registry, List<Scope> scopes) {
    Key key = Key.of(registry, scopes);
    Entry entry = tokens.get(key);
    if (entry == null) {
      return Optional.empty();
    }
    if (!clock.instant().isBefore(entry.usableUntil())) {
      tokens.remove(key, entry);
      return Optional.empty();
    }
    return Optional.of(entry.token());
  }

  /** Keeps {@code token}, received now, for {@code expiresIn} less a safety margin. */
  void put(String registry, List<Scope> scopes, String token, Duration expiresIn) {
    Instant issuedAt = clock.instant();
    Duration margin = expiresIn.dividedBy(10).compareTo(EXPIRY_MARGIN) < 0 ? expiresIn.dividedBy(10) : EXPIRY_MARGIN;
    tokens.put(Key.of(registry, scopes), new Entry(token, issuedAt.plus(expiresIn).minus(margin)));
  }

  /** Forgets the token of {@code registry} for {@code scopes}, e.g. after the registry rejected it. */
  void evict(String registry, List<Scope> scopes) {
    tokens.remove(Key.of(registry, scopes));
  }

  private record Key(String registry, List<String> scopes) {
    static Key of(String registry, List<Scope> scopes) {
      return new Key(registry, Scope.merge(scopes).stream().map(Scope::toString).sorted().toList());
    }
  }

  private record Entry(String token, Instant usableUntil) {
  }
}
