package dev.keda4j.adapter;

import dev.keda4j.adapter.auth.RequestHeaderConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How the adapter listens and whom it trusts.
 *
 * @param host bind address
 * @param port HTTPS port ({@code --secure-port}, 6443 in KEDA's deployment; 0 picks a free one)
 * @param tlsCertFile serving certificate ({@code --tls-cert-file}); null with a null key file means
 *     a generated self-signed pair
 * @param tlsKeyFile serving key ({@code --tls-private-key-file})
 * @param selfSignedHosts extra SANs of a generated certificate
 * @param certReloadInterval how often the certificate files are checked for changes
 * @param requestHeader front-proxy settings from {@code extension-apiserver-authentication}, or
 *     null to refuse front-proxy requests
 * @param clientCa CAs of plain x509 client certificates ({@code --client-ca-file})
 * @param anonymousAuth whether requests without credentials become {@code system:anonymous}
 * @param metricReadTimeout bound of one {@link MetricsSource} read (KEDA's gRPC deadline is 3 s)
 * @param authCacheTtl how long token reviews and access reviews are cached
 * @param meterRegistry registry for the adapter's own metrics, or null for a new one
 * @param clock clock for timestamps, certificate validity and caches
 * @param gitVersion version reported at {@code /version}
 * @param eventLoops how many event loops serve the port (each its own server instance sharing it; 0
 *     = one per available core): one loop caps the adapter at one core's worth of TLS and JSON
 */
public record AdapterOptions(
    String host,
    int port,
    Path tlsCertFile,
    Path tlsKeyFile,
    List<String> selfSignedHosts,
    Duration certReloadInterval,
    RequestHeaderConfig requestHeader,
    List<X509Certificate> clientCa,
    boolean anonymousAuth,
    Duration metricReadTimeout,
    Duration authCacheTtl,
    PrometheusMeterRegistry meterRegistry,
    Clock clock,
    String gitVersion,
    int eventLoops) {
  public AdapterOptions {
    Objects.requireNonNull(host, "host");
    if ((tlsCertFile == null) != (tlsKeyFile == null)) {
      throw new IllegalArgumentException("tlsCertFile and tlsKeyFile go together");
    }
    selfSignedHosts = selfSignedHosts == null ? List.of() : List.copyOf(selfSignedHosts);
    certReloadInterval = Objects.requireNonNullElse(certReloadInterval, Duration.ofSeconds(10));
    clientCa = clientCa == null ? List.of() : List.copyOf(clientCa);
    metricReadTimeout = Objects.requireNonNullElse(metricReadTimeout, Duration.ofSeconds(3));
    authCacheTtl = Objects.requireNonNullElse(authCacheTtl, Duration.ofSeconds(10));
    clock = Objects.requireNonNullElse(clock, Clock.systemUTC());
    gitVersion = Objects.requireNonNullElse(gitVersion, "v1.35.0-keda4j");
    if (eventLoops < 0) {
      throw new IllegalArgumentException("eventLoops must be >= 0 (0 = one per core)");
    }
    eventLoops = eventLoops == 0 ? Runtime.getRuntime().availableProcessors() : eventLoops;
  }

  /** KEDA's defaults: all interfaces, port 6443, self-signed, anonymous allowed, 3 s reads. */
  public static AdapterOptions defaults() {
    return new AdapterOptions(
        "0.0.0.0", 6443, null, null, List.of(), null, null, List.of(), true, null, null, null, null,
        null, 0);
  }

  public AdapterOptions withListen(String newHost, int newPort) {
    return with(
        c -> {
          c.host = newHost;
          c.port = newPort;
        });
  }

  public AdapterOptions withTlsFiles(Path cert, Path key, Duration reloadInterval) {
    return with(
        c -> {
          c.tlsCertFile = cert;
          c.tlsKeyFile = key;
          c.certReloadInterval = reloadInterval;
        });
  }

  public AdapterOptions withRequestHeader(RequestHeaderConfig config) {
    return with(c -> c.requestHeader = config);
  }

  public AdapterOptions withClientCa(List<X509Certificate> cas) {
    return with(c -> c.clientCa = cas);
  }

  public AdapterOptions withAnonymousAuth(boolean allowed) {
    return with(c -> c.anonymousAuth = allowed);
  }

  public AdapterOptions withMetricReadTimeout(Duration timeout) {
    return with(c -> c.metricReadTimeout = timeout);
  }

  public AdapterOptions withAuthCacheTtl(Duration ttl) {
    return with(c -> c.authCacheTtl = ttl);
  }

  public AdapterOptions withMeterRegistry(PrometheusMeterRegistry registry) {
    return with(c -> c.meterRegistry = registry);
  }

  public AdapterOptions withClock(Clock newClock) {
    return with(c -> c.clock = newClock);
  }

  public AdapterOptions withEventLoops(int loops) {
    return with(c -> c.eventLoops = loops);
  }

  /** A copy with {@code change} applied, validated by the canonical constructor again. */
  private AdapterOptions with(Consumer<Copy> change) {
    Copy c = new Copy(this);
    change.accept(c);
    return c.build();
  }

  /** The fields of an {@link AdapterOptions} being changed by one {@code with…} call. */
  private static final class Copy {
    String host;
    int port;
    Path tlsCertFile;
    Path tlsKeyFile;
    List<String> selfSignedHosts;
    Duration certReloadInterval;
    RequestHeaderConfig requestHeader;
    List<X509Certificate> clientCa;
    boolean anonymousAuth;
    Duration metricReadTimeout;
    Duration authCacheTtl;
    PrometheusMeterRegistry meterRegistry;
    Clock clock;
    String gitVersion;
    int eventLoops;

    Copy(AdapterOptions o) {
      host = o.host;
      port = o.port;
      tlsCertFile = o.tlsCertFile;
      tlsKeyFile = o.tlsKeyFile;
      selfSignedHosts = o.selfSignedHosts;
      certReloadInterval = o.certReloadInterval;
      requestHeader = o.requestHeader;
      clientCa = o.clientCa;
      anonymousAuth = o.anonymousAuth;
      metricReadTimeout = o.metricReadTimeout;
      authCacheTtl = o.authCacheTtl;
      meterRegistry = o.meterRegistry;
      clock = o.clock;
      gitVersion = o.gitVersion;
      eventLoops = o.eventLoops;
    }

    AdapterOptions build() {
      return new AdapterOptions(
          host,
          port,
          tlsCertFile,
          tlsKeyFile,
          selfSignedHosts,
          certReloadInterval,
          requestHeader,
          clientCa,
          anonymousAuth,
          metricReadTimeout,
          authCacheTtl,
          meterRegistry,
          clock,
          gitVersion,
          eventLoops);
    }
  }
}
