package dev.keda4j.scalers.azure.queue;

import com.azure.storage.common.policy.RequestRetryOptions;
import com.azure.storage.common.policy.RetryPolicyType;
import com.azure.storage.queue.QueueServiceAsyncClient;
import com.azure.storage.queue.QueueServiceClientBuilder;
import com.azure.storage.queue.QueueServiceVersion;
import dev.keda4j.scalers.azure.common.AzureHttpClients;
import dev.keda4j.scalers.config.ConfigStrings;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Queue service clients shared by (connection string, timeout): many triggers on one storage
 * account share one client. Reference counted.
 */
public final class StorageQueueClients implements AutoCloseable {
  /**
   * The SDK's newest service version is ahead of what Azurite 3.35 accepts; the two calls used here
   * (queue properties, peek) are unchanged for years, so the newest version Azurite knows is used.
   */
  static final QueueServiceVersion SERVICE_VERSION = QueueServiceVersion.V2025_11_05;

  private static final Duration RETRY_DELAY = Duration.ofMillis(200);
  private static final int MAX_TRIES = 2;

  private final Map<Key, Entry> clients = new HashMap<>();

  /**
   * What identifies a shared client.
   *
   * @param connection the storage connection string (secret)
   * @param timeout connect and response timeout of one request
   */
  public record Key(String connection, Duration timeout) {
    @Override
    public String toString() {
      return "Key[connection=" + ConfigStrings.mask(connection) + ", timeout=" + timeout + "]";
    }
  }

  /** One scaler's share of a client. */
  public final class Lease implements AutoCloseable {
    private final Key key;
    private final QueueServiceAsyncClient client;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Lease(Key key, QueueServiceAsyncClient client) {
      this.key = key;
      this.client = client;
    }

    public QueueServiceAsyncClient client() {
      return client;
    }

    /** Releases this share; idempotent. */
    @Override
    public void close() {
      if (closed.compareAndSet(false, true)) {
        release(key);
      }
    }
  }

  private static final class Entry {
    final QueueServiceAsyncClient client;
    int refs;

    Entry(QueueServiceAsyncClient client) {
      this.client = client;
    }
  }

  /**
   * A lease on the client for {@code key}, building it on first use (no I/O).
   *
   * @throws IllegalArgumentException if the SDK rejects the connection string (its message may
   *     quote the string: callers must not show it)
   */
  public synchronized Lease acquire(Key key) {
    Entry e = clients.get(key);
    if (e == null) {
      e = new Entry(build(key));
      clients.put(key, e);
    }
    e.refs++;
    return new Lease(key, e.client);
  }

  private static QueueServiceAsyncClient build(Key key) {
    return new QueueServiceClientBuilder()
        .connectionString(key.connection())
        .serviceVersion(SERVICE_VERSION)
        .httpClient(AzureHttpClients.withTimeout(key.timeout()))
        // one quick retry: the caller polls again anyway, and a poll must end in bounded time
        .retryOptions(
            new RequestRetryOptions(
                RetryPolicyType.FIXED, MAX_TRIES, key.timeout(), RETRY_DELAY, RETRY_DELAY, null))
        .buildAsyncClient();
  }

  private synchronized void release(Key key) {
    Entry e = clients.get(key);
    if (e != null && --e.refs == 0) {
      clients.remove(key);
    }
  }

  /** Number of distinct clients in use. */
  public synchronized int openClients() {
    return clients.size();
  }

  /** The SDK's clients hold no connection of their own; forgetting them is enough. */
  @Override
  public synchronized void close() {
    clients.clear();
  }
}
