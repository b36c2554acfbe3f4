package dev.keda4j.scalers.azure.servicebus;

import com.azure.core.http.policy.FixedDelayOptions;
import com.azure.core.http.policy.RetryOptions;
import com.azure.messaging.servicebus.administration.ServiceBusAdministrationAsyncClient;
import com.azure.messaging.servicebus.administration.ServiceBusAdministrationClientBuilder;
import dev.keda4j.scalers.azure.common.AzureHttpClients;
import dev.keda4j.scalers.config.ConfigStrings;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Service Bus administration clients shared by (namespace endpoint and credentials, i.e. the
 * connection string; timeout): many triggers on one namespace share one client. Reference counted.
 */
public final class ServiceBusAdminClients implements AutoCloseable {
  private static final Duration RETRY_DELAY = Duration.ofMillis(200);

  private final Optional<URI> endpointOverride;
  private final Map<Key, Entry> clients = new HashMap<>();

  /**
   * @param endpointOverride where management requests go instead of the connection string's
   *     namespace (see {@link ManagementEndpointOverride}); empty in normal operation
   */
  public ServiceBusAdminClients(Optional<URI> endpointOverride) {
    this.endpointOverride = endpointOverride;
  }

  /**
   * What identifies a shared client.
   *
   * @param connection the connection string (secret)
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
    private final ServiceBusAdministrationAsyncClient client;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Lease(Key key, ServiceBusAdministrationAsyncClient client) {
      this.key = key;
      this.client = client;
    }

    public ServiceBusAdministrationAsyncClient client() {
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
    final ServiceBusAdministrationAsyncClient client;
    int refs;

    Entry(ServiceBusAdministrationAsyncClient client) {
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

  private ServiceBusAdministrationAsyncClient build(Key key) {
    ServiceBusAdministrationClientBuilder b =
        new ServiceBusAdministrationClientBuilder()
            .connectionString(key.connection())
            .httpClient(AzureHttpClients.withTimeout(key.timeout()))
            // one quick retry: the caller polls again anyway, and a poll must end in bounded time
            .retryOptions(new RetryOptions(new FixedDelayOptions(1, RETRY_DELAY)));
    endpointOverride.ifPresent(uri -> b.addPolicy(ManagementEndpointOverride.to(uri)));
    return b.buildAsyncClient();
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

  /** The SDK's admin clients hold no connection of their own; forgetting them is enough. */
  @Override
  public synchronized void close() {
    clients.clear();
  }
}
