package dev.keda4j.scalers.rabbitmq;

import dev.keda4j.scalers.common.RefCountedPool;
import dev.keda4j.scalers.config.TlsConfig;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

/**
 * The clients all RabbitMQ triggers share, held once per scaler runtime: AMQP connections by
 * endpoint (URI, vhost, credentials, TLS) and management web clients by TLS settings.
 */
public final class RabbitMqClients implements AutoCloseable {
  private static final int CONNECT_TIMEOUT_MS = 5_000;

  private final Vertx vertx;
  private final RefCountedPool<AmqpEndpoint, AmqpConnection> amqp =
      new RefCountedPool<>(AmqpConnection::close);
  private final RefCountedPool<TlsConfig, WebClient> web = new RefCountedPool<>(WebClient::close);

  public RabbitMqClients(Vertx vertx) {
    this.vertx = vertx;
  }

  RefCountedPool<AmqpEndpoint, AmqpConnection>.Lease amqp(
      AmqpEndpoint endpoint, String connectionName) {
    return amqp.acquire(endpoint, e -> new AmqpConnection(e, connectionName));
  }

  RefCountedPool<TlsConfig, WebClient>.Lease web(TlsConfig tls) {
    return web.acquire(tls, t -> WebClient.create(vertx, options(t)));
  }

  /** Distinct open AMQP connections (shared ones count once). */
  int amqpConnections() {
    return amqp.size();
  }

  static WebClientOptions options(TlsConfig tls) {
    WebClientOptions o = new WebClientOptions().setConnectTimeout(CONNECT_TIMEOUT_MS);
    if (tls.unsafeSsl()) {
      o.setTrustAll(true).setVerifyHost(false);
    } else if (!tls.ca().isEmpty()) {
      o.setTrustOptions(new PemTrustOptions().addCertValue(Buffer.buffer(tls.ca())));
    }
    if (tls.hasClientCert()) {
      o.setKeyCertOptions(
          new PemKeyCertOptions()
              .setCertValue(Buffer.buffer(tls.cert()))
              .setKeyValue(Buffer.buffer(tls.key())));
    }
    return o;
  }

  @Override
  public void close() {
    amqp.close();
    web.close();
  }
}
