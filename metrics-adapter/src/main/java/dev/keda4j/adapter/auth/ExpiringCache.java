package dev.keda4j.adapter.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A small time-bounded cache of review answers; expired entries are pruned when it grows. */
final class ExpiringCache<K, V> {
  private static final int PRUNE_ABOVE = 10_000;

  private record Entry<V>(V value, Instant expires) {}

  private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
  private final Clock clock;

  ExpiringCache(Clock clock) {
    this.clock = clock;
  }

  V get(K key) {
    Entry<V> e = entries.get(key);
    if (e == null) {
      return null;
    }
    if (!clock.instant().isBefore(e.expires())) {
      entries.remove(key, e);
      return null;
    }
    return e.value();
  }

  void put(K key, V value, Duration ttl) {
    if (ttl.isZero() || ttl.isNegative()) {
      return;
    }
    if (entries.size() >= PRUNE_ABOVE) {
      Instant now = clock.instant();
      entries.values().removeIf(e -> !now.isBefore(e.expires()));
    }
    entries.put(key, new Entry<>(value, clock.instant().plus(ttl)));
  }
}
