package dev.keda4j.scalers.nats;

import dev.keda4j.scalers.common.RefCountedPool;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

/**
 * Web clients shared by every nats-jetstream trigger of a scaler runtime, one per {@code useHttps}
 * setting (the trigger has no other transport option: no credentials, no custom CA).
 */
final class NatsHttpClients implements AutoCloseable {
  private static final int CONNECT_TIMEOUT_MS = 5_000;

  private final Vertx vertx;
  private final RefCountedPool<Boolean, WebClient> pool = new RefCountedPool<>(WebClient::close);

  NatsHttpClients(Vertx vertx) {
    this.vertx = vertx;
  }

  /** A share of the client for {@code useHttps}; close the lease to release it. */
  RefCountedPool<Boolean, WebClient>.Lease acquire(boolean useHttps) {
    return pool.acquire(useHttps, https -> WebClient.create(vertx, options(https)));
  }

  /** Distinct open clients. */
  int size() {
    return pool.size();
  }

  static WebClientOptions options(boolean https) {
    // KEDA's client verifies certificates against the system roots; no unsafeSsl for this trigger.
    return new WebClientOptions()
        .setConnectTimeout(CONNECT_TIMEOUT_MS)
        .setSsl(https)
        .setVerifyHost(true)
        .setFollowRedirects(true);
  }

  @Override
  public void close() {
    pool.close();
  }
}
