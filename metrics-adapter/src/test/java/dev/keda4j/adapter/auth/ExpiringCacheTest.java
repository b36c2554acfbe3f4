package dev.keda4j.adapter.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keda4j.testkit.time.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExpiringCacheTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
  private final ExpiringCache<Integer, String> cache = new ExpiringCache<>(clock);

  @Test
  void entriesExpireAfterTheirTtl() {
    cache.put(1, "a", Duration.ofSeconds(10));
    clock.advance(Duration.ofSeconds(9));
    assertThat(cache.get(1)).isEqualTo("a");
    clock.advance(Duration.ofSeconds(1));
    assertThat(cache.get(1)).isNull();
  }

  @Test
  void zeroTtlIsNotCached() {
    cache.put(1, "a", Duration.ZERO);
    assertThat(cache.get(1)).isNull();
  }

  @Test
  void aLargeCacheIsPrunedAtMostOnceASecondAndKeepsLiveEntries() {
    for (int i = 0; i < 10_000; i++) {
      cache.put(i, "old", Duration.ofSeconds(5));
    }
    cache.put(-1, "live", Duration.ofMinutes(1));
    clock.advance(Duration.ofSeconds(5));
    // above the threshold: this insert prunes the 10,000 expired entries
    cache.put(-2, "new", Duration.ofSeconds(5));
    assertThat(cache.get(-1)).isEqualTo("live");
    assertThat(cache.get(-2)).isEqualTo("new");
    assertThat(cache.size()).isEqualTo(2);
    // the next prune is not due within the second: expired entries wait for it
    for (int i = 0; i < 10_000; i++) {
      cache.put(i, "short", Duration.ofMillis(1));
    }
    clock.advance(Duration.ofMillis(500));
    cache.put(-3, "x", Duration.ofSeconds(5));
    assertThat(cache.size()).isEqualTo(10_003);
    clock.advance(Duration.ofMillis(500));
    cache.put(-4, "y", Duration.ofSeconds(5));
    assertThat(cache.size()).isEqualTo(4);
  }
}
