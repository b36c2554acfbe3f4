package dev.keda4j.scalers.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admin clients shared by client properties (bootstrap servers, security, timeouts): many triggers
 * on one cluster share one client. Reference counted; a client is created on first use (creating
 * resolves the bootstrap host names, so it belongs on a blocking thread) and closed with its last
 * lease.
 */
public final class KafkaAdminPool implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaAdminPool.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
  private static final AtomicLong CLIENT_IDS = new AtomicLong();

  private final Executor closer;
  private final Function<Map<String, Object>, Admin> factory;
  private final Map<Key, Entry> entries = new HashMap<>();

  /**
   * @param closer where clients are closed ({@code Admin.close} waits for its network thread)
   */
  public KafkaAdminPool(Executor closer) {
    this(closer, Admin::create);
  }

  KafkaAdminPool(Executor closer, Function<Map<String, Object>, Admin> factory) {
    this.closer = closer;
    this.factory = factory;
  }

  /**
   * What identifies a shared client.
   *
   * @param properties the client properties (may hold secrets)
   */
  public record Key(Map<String, String> properties) {
    public Key {
      properties = Map.copyOf(properties);
    }

    @Override
    public String toString() {
      return "Key" + KafkaClientProperties.redacted(properties);
    }
  }

  /** One scaler's share of a client. */
  public final class Lease implements AutoCloseable {
    private final Key key;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Lease(Key key) {
      this.key = key;
    }

    /** The shared client, created on first use. May block: call it on a blocking thread. */
    public Admin admin() {
      if (closed.get()) {
        throw new IllegalStateException("kafka admin lease already closed");
      }
      return adminFor(key);
    }

    /** Releases this share; the last one closes the client. Idempotent. */
    @Override
    public void close() {
      if (closed.compareAndSet(false, true)) {
        release(key);
      }
    }
  }

  private static final class Entry {
    Admin admin;
    int refs;
  }

  /** A lease on the client for {@code key}; no I/O. */
  public synchronized Lease acquire(Key key) {
    entries.computeIfAbsent(key, k -> new Entry()).refs++;
    return new Lease(key);
  }

  private synchronized Admin adminFor(Key key) {
    Entry e = entries.get(key);
    if (e == null) {
      throw new IllegalStateException("kafka admin pool closed");
    }
    if (e.admin == null) {
      Map<String, Object> props = new HashMap<>(key.properties());
      props.put("client.id", "keda4j-kafka-" + CLIENT_IDS.incrementAndGet());
      e.admin = factory.apply(props);
      LOG.info("kafka admin client {} created for {}", props.get("client.id"), servers(key));
    }
    return e.admin;
  }

  private synchronized void release(Key key) {
    Entry e = entries.get(key);
    if (e != null && --e.refs == 0) {
      entries.remove(key);
      closeLater(key, e.admin);
    }
  }

  private void closeLater(Key key, Admin admin) {
    if (admin == null) {
      return;
    }
    try {
      closer.execute(() -> closeNow(key, admin));
    } catch (RejectedExecutionException rejected) {
      closeNow(key, admin);
    }
  }

  private static void closeNow(Key key, Admin admin) {
    admin.close(CLOSE_TIMEOUT);
    LOG.info("kafka admin client closed for {}", servers(key));
  }

  private static String servers(Key key) {
    return key.properties().get("bootstrap.servers");
  }

  /** Distinct leased clients (created or not), for tests. */
  public synchronized int size() {
    return entries.size();
  }

  @Override
  public synchronized void close() {
    entries.forEach(
        (k, e) -> {
          if (e.admin != null) {
            closeNow(k, e.admin);
          }
        });
    entries.clear();
  }
}
