package dev.keda4j.adapter.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A time-bounded cache of review answers. Expired entries are pruned when it grows, at most once a
 * second: pruning on every insert above the threshold scanned all entries per request once there
 * were 10,000 metrics (each metric name is its own authorization key) and stalled the event loop.
 * Above a hard cap new answers are simply not cached.
 */
final class ExpiringCache<K, V> {
  private static final int PRUNE_ABOVE = 10_000;
  private static final int HARD_CAP = 100_000;
  private static final Duration PRUNE_EVERY = Duration.ofSeconds(1);

  private record Entry<V>(V value, Instant expires) {}

  private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
  private final Clock clock;
  private final AtomicReference<Instant> nextPrune = new AtomicReference<>(Instant.MIN);

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

  int size() {
    return entries.size();
  }

  void put(K key, V value, Duration ttl) {
    if (ttl.isZero() || ttl.isNegative()) {
      return;
    }
    Instant now = clock.instant();
    if (entries.size() >= PRUNE_ABOVE) {
      Instant due = nextPrune.get();
      if (!now.isBefore(due) && nextPrune.compareAndSet(due, now.plus(PRUNE_EVERY))) {
        entries.values().removeIf(e -> !now.isBefore(e.expires()));
      }
      if (entries.size() >= HARD_CAP) {
        return;
      }
    }
    entries.put(key, new Entry<>(value, now.plus(ttl)));
  }
}
