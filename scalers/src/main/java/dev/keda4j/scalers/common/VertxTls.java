package dev.keda4j.scalers.common;

import dev.keda4j.scalers.config.TlsConfig;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;

/** Applies a {@link TlsConfig} to Vert.x client options. */
public final class VertxTls {
  private VertxTls() {}

  /** Sets SSL, trust and client certificate on {@code options}; returns it. */
  public static NetClientOptions apply(TlsConfig tls, NetClientOptions options) {
    if (!tls.enabled()) {
      return options.setSsl(false);
    }
    options.setSsl(true);
    if (tls.unsafeSsl()) {
      options.setTrustAll(true).setHostnameVerificationAlgorithm("");
    } else {
      options.setHostnameVerificationAlgorithm("HTTPS");
      if (!tls.ca().isEmpty()) {
        options.setTrustOptions(new PemTrustOptions().addCertValue(Buffer.buffer(tls.ca())));
      }
    }
    if (tls.hasClientCert()) {
      options.setKeyCertOptions(
          new PemKeyCertOptions()
              .setCertValue(Buffer.buffer(tls.cert()))
              .setKeyValue(Buffer.buffer(tls.key())));
    }
    return options;
  }
}
