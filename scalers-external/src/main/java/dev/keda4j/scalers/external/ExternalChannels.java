package dev.keda4j.scalers.external;

import dev.keda4j.scalers.common.RefCountedPool;
import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The gRPC channels of every external trigger of a process, one per (address, TLS settings),
 * reference-counted: the first trigger opens it, the last one closes it. Channels use round-robin
 * load balancing over the addresses the target resolves to, like KEDA's. Also owns the one daemon
 * thread that schedules push-stream reconnects.
 */
public final class ExternalChannels implements AutoCloseable {
  private final RefCountedPool<ChannelKey, ManagedChannel> pool =
      new RefCountedPool<>(ExternalChannels::shutdown);
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "keda4j-external-push");
            t.setDaemon(true);
            return t;
          });

  /** A share of the channel for {@code key}, opened if there is none. */
  RefCountedPool<ChannelKey, ManagedChannel>.Lease acquire(ChannelKey key) {
    return pool.acquire(key, ExternalChannels::open);
  }

  ScheduledExecutorService scheduler() {
    return scheduler;
  }

  /** Distinct open channels (tests, diagnostics). */
  public int size() {
    return pool.size();
  }

  /**
   * Opens the channel for {@code key}; nothing connects until the first call.
   *
   * @throws IllegalArgumentException naming which TLS input is unusable, without its content
   */
  private static ManagedChannel open(ChannelKey key) {
    ChannelCredentials creds = credentials(key);
    try {
      return Grpc.newChannelBuilder(key.address(), creds)
          .defaultLoadBalancingPolicy("round_robin")
          .build();
    } catch (RuntimeException e) {
      // the PEM inputs are parsed here; the library's message may quote them, so it is dropped
      if (!key.tls()) {
        throw new IllegalArgumentException(
            "cannot open a gRPC channel to " + key.address() + ": " + e.getMessage());
      }
      throw new IllegalArgumentException(
          "cannot open a TLS channel to "
              + key.address()
              + ": caCert/tlsCertFile"
              + (key.clientCertPem().isEmpty() ? "" : " or tlsClientCert/tlsClientKey")
              + " not usable PEM ("
              + e.getClass().getSimpleName()
              + ")");
    }
  }

  /**
   * The channel credentials for {@code key}.
   *
   * @throws IllegalArgumentException naming which PEM input is unusable, without its content
   */
  static ChannelCredentials credentials(ChannelKey key) {
    if (!key.tls()) {
      return InsecureChannelCredentials.create();
    }
    TlsChannelCredentials.Builder b = TlsChannelCredentials.newBuilder();
    if (key.unsafeSsl()) {
      b.trustManager(new TrustAll());
    } else if (!key.caPem().isEmpty()) {
      try {
        b.trustManager(pem(key.caPem()));
      } catch (IOException | RuntimeException e) {
        throw new IllegalArgumentException(
            "caCert is not a usable PEM certificate (" + e.getClass().getSimpleName() + ")");
      }
    }
    if (!key.clientCertPem().isEmpty() || !key.clientKeyPem().isEmpty()) {
      if (key.clientCertPem().isEmpty() || key.clientKeyPem().isEmpty()) {
        throw new IllegalArgumentException("tlsClientCert and tlsClientKey must be given together");
      }
      try {
        b.keyManager(pem(key.clientCertPem()), pem(key.clientKeyPem()));
      } catch (IOException | RuntimeException e) {
        throw new IllegalArgumentException(
            "tlsClientCert/tlsClientKey are not a usable PEM certificate and PKCS#8 key ("
                + e.getClass().getSimpleName()
                + ")");
      }
    }
    return b.build();
  }

  private static InputStream pem(String pem) {
    return new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII));
  }

  private static void shutdown(ManagedChannel channel) {
    channel.shutdownNow();
    try {
      channel.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    pool.close();
  }

  /** {@code unsafeSsl}: trusts any server certificate for any host. */
  private static final class TrustAll extends X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
      // a client trust manager: never asked about clients
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
      // unsafeSsl: every server is trusted
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
      // a client trust manager: never asked about clients
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
      // unsafeSsl: every server is trusted
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
      // a client trust manager: never asked about clients
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
      // unsafeSsl: every server is trusted, host name unchecked
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
