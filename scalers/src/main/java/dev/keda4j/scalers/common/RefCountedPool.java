package dev.keda4j.scalers.common;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Clients shared by key: the first lease creates one, the last released closes it. Keys hold
 * credentials, so they must print none.
 *
 * @param <K> what identifies a shared client
 * @param <V> the client
 */
public final class RefCountedPool<K, V> implements AutoCloseable {
  private final Consumer<V> closer;
  private final Map<K, Entry<V>> entries = new HashMap<>();

  public RefCountedPool(Consumer<V> closer) {
    this.closer = closer;
  }

  private static final class Entry<V> {
    final V value;
    int refs;

    Entry(V value) {
      this.value = value;
    }
  }

  /** One holder's share of a client. */
  public final class Lease implements AutoCloseable {
    private final K key;
    private final V value;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Lease(K key, V value) {
      this.key = key;
      this.value = value;
    }

    public V value() {
      return value;
    }

    /** Releases this share; the last one closes the client. Idempotent. */
    @Override
    public void close() {
      if (closed.compareAndSet(false, true)) {
        release(key);
      }
    }
  }

  /** A share of the client for {@code key}, created by {@code factory} if there is none. */
  public synchronized Lease acquire(K key, Function<K, V> factory) {
    Entry<V> e = entries.computeIfAbsent(key, k -> new Entry<>(factory.apply(k)));
    e.refs++;
    return new Lease(key, e.value);
  }

  private void release(K key) {
    V toClose = null;
    synchronized (this) {
      Entry<V> e = entries.get(key);
      if (e != null && --e.refs == 0) {
        entries.remove(key);
        toClose = e.value;
      }
    }
    if (toClose != null) {
      closer.accept(toClose);
    }
  }

  /** Distinct open clients. */
  public synchronized int size() {
    return entries.size();
  }

  @Override
  public void close() {
    Map<K, Entry<V>> all;
    synchronized (this) {
      all = new HashMap<>(entries);
      entries.clear();
    }
    all.values().forEach(e -> closer.accept(e.value));
  }
}
