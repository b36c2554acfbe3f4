package dev.keda4j.scalers.http;

import dev.keda4j.scalers.common.RefCountedPool;
import dev.keda4j.scalers.config.TlsConfig;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

/**
 * The web clients all HTTP triggers share, held once per scaler runtime and keyed by TLS settings
 * (auth headers are per request, so they do not split clients).
 */
public final class HttpClients implements AutoCloseable {
  private static final int CONNECT_TIMEOUT_MS = 5_000;

  private final Vertx vertx;
  private final RefCountedPool<TlsConfig, WebClient> pool = new RefCountedPool<>(WebClient::close);

  public HttpClients(Vertx vertx) {
    this.vertx = vertx;
  }

  /** A share of the client for {@code tls}; close it to release the share. */
  public SharedClient acquire(TlsConfig tls) {
    RefCountedPool<TlsConfig, WebClient>.Lease lease =
        pool.acquire(tls, t -> WebClient.create(vertx, options(t)));
    return new SharedClient(lease.value(), lease);
  }

  /** Distinct open clients. */
  public int size() {
    return pool.size();
  }

  static WebClientOptions options(TlsConfig tls) {
    WebClientOptions o =
        new WebClientOptions().setConnectTimeout(CONNECT_TIMEOUT_MS).setFollowRedirects(true);
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
    pool.close();
  }

  /** One scaler's share of a web client. */
  public static final class SharedClient implements AutoCloseable {
    private final WebClient client;
    private final AutoCloseable lease;

    SharedClient(WebClient client, AutoCloseable lease) {
      this.client = client;
      this.lease = lease;
    }

    public WebClient client() {
      return client;
    }

    /** Releases the share. Idempotent. */
    @Override
    public void close() {
      try {
        lease.close();
      } catch (Exception e) {
        throw new IllegalStateException("releasing a shared web client failed", e);
      }
    }
  }
}
