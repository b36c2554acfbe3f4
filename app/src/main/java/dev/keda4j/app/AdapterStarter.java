package dev.keda4j.app;

import dev.keda4j.adapter.AdapterOptions;
import dev.keda4j.adapter.MetricsAdapterServer;
import dev.keda4j.adapter.MetricsSource;
import dev.keda4j.adapter.RunningAdapter;
import dev.keda4j.adapter.auth.ExtensionApiserverAuthentication;
import dev.keda4j.adapter.auth.ExtensionAuthenticationWatcher;
import dev.keda4j.adapter.auth.SubjectAccessReviewAuthorizer;
import dev.keda4j.adapter.auth.TokenReviewAuthenticator;
import dev.keda4j.adapter.channel.ChannelTls;
import dev.keda4j.adapter.channel.MetricsChannelServer;
import io.kubernetes.client.openapi.ApiClient;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/** Starts the external metrics API server with the cluster's own authentication settings. */
final class AdapterStarter {

  private static final Logger LOG = LoggerFactory.getLogger(AdapterStarter.class);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration CERT_RELOAD = Duration.ofSeconds(30);
  private static final Duration AUTH_RELOAD = Duration.ofSeconds(30);
  private static final Duration CHANNEL_READ_TIMEOUT = Duration.ofSeconds(3);

  /**
   * Without the keda.sh CRDs no ScaledObject controller runs and there is no scaler cache to read:
   * every read fails with this text, which the HPA shows, instead of a value that could scale a
   * workload.
   */
  static final MetricsSource NOT_SERVED_YET =
      (namespace, name, metric) ->
          CompletableFuture.failedFuture(
              new IllegalStateException(
                  "ScaledObject "
                      + namespace
                      + "/"
                      + name
                      + ": metric "
                      + metric
                      + " is not served: the ScaledObject controller is not running"));

  private AdapterStarter() {}

  /**
   * The {@code keda4j run} settings of the metrics API and the internal metrics channel, from the
   * environment by default. Declared as a picocli mixin so that {@code RunCommand} can offer them
   * as flags with one line ({@code @CommandLine.Mixin AdapterStarter.RunFlags adapterFlags;}); the
   * last parsed values are what {@link #start} uses.
   */
  static final class RunFlags {
    private static final AtomicReference<Settings> PARSED =
        new AtomicReference<>(Settings.fromEnvironment(System.getenv()));

    @Option(
        names = "--serve-metrics-api",
        arity = "1",
        defaultValue = "${env:KEDA4J_SERVE_METRICS_API:-true}",
        description =
            "Serve the external metrics API in this process (env KEDA4J_SERVE_METRICS_API,"
                + " default ${DEFAULT-VALUE}); false when the separate 'keda4j adapter'"
                + " Deployment serves it.")
    void serveMetricsApi(boolean serve) {
      PARSED.updateAndGet(s -> new Settings(serve, s.channelPort(), s.channelCertDir()));
    }

    @Option(
        names = "--metrics-channel-port",
        defaultValue = "${env:KEDA4J_METRICS_CHANNEL_PORT:-9666}",
        description =
            "HTTPS port of the internal metrics channel the 'keda4j adapter' Deployment asks the"
                + " leader on (env KEDA4J_METRICS_CHANNEL_PORT, default ${DEFAULT-VALUE}; 0"
                + " disables).")
    void channelPort(int port) {
      PARSED.updateAndGet(s -> new Settings(s.serveMetricsApi(), port, s.channelCertDir()));
    }

    @Option(
        names = "--channel-cert-dir",
        defaultValue = "${env:KEDA4J_CHANNEL_CERT_DIR:-/channel-certs}",
        description =
            "Directory with ca.crt, tls.crt and tls.key of the metrics channel (env"
                + " KEDA4J_CHANNEL_CERT_DIR, default ${DEFAULT-VALUE}).")
    void channelCertDir(Path dir) {
      PARSED.updateAndGet(s -> new Settings(s.serveMetricsApi(), s.channelPort(), dir));
    }

    static Settings current() {
      return PARSED.get();
    }
  }

  /**
   * @param serveMetricsApi whether {@code keda4j run} serves the external metrics API itself
   * @param channelPort the metrics channel port, 0 for none
   * @param channelCertDir ca.crt, tls.crt, tls.key of the channel
   */
  record Settings(boolean serveMetricsApi, int channelPort, Path channelCertDir) {
    static final int DEFAULT_CHANNEL_PORT = 9666;

    static Settings fromEnvironment(Map<String, String> env) {
      String serve = env.getOrDefault("KEDA4J_SERVE_METRICS_API", "true").trim();
      String port =
          env.getOrDefault("KEDA4J_METRICS_CHANNEL_PORT", Integer.toString(DEFAULT_CHANNEL_PORT))
              .trim();
      String dir = env.getOrDefault("KEDA4J_CHANNEL_CERT_DIR", "/channel-certs").trim();
      int parsedPort;
      try {
        parsedPort = Integer.parseInt(port);
      } catch (NumberFormatException e) {
        throw new UserFacingException(
            "KEDA4J_METRICS_CHANNEL_PORT=" + port + " is not a port number", e);
      }
      return new Settings(!"false".equalsIgnoreCase(serve), parsedPort, Path.of(dir));
    }
  }

  /**
   * What {@code keda4j run} starts for metrics: the external metrics API (unless {@code
   * --serve-metrics-api=false}) and the internal metrics channel (unless its port is 0 or its
   * certificates are missing). Without leader election every replica answers the channel.
   */
  static RunningAdapter start(
      Vertx vertx,
      ApiClient client,
      ExecutorService blocking,
      RunOptions options,
      MetricsSource source) {
    return start(vertx, client, blocking, options, source, RunFlags.current(), () -> true);
  }

  /**
   * Like {@link #start(Vertx, ApiClient, ExecutorService, RunOptions, MetricsSource)} with explicit
   * settings and leadership (the channel answers 503 while {@code leading} is false).
   */
  static RunningAdapter start(
      Vertx vertx,
      ApiClient client,
      ExecutorService blocking,
      RunOptions options,
      MetricsSource source,
      Settings settings,
      BooleanSupplier leading) {
    MetricsChannelServer.Running channel = startChannel(vertx, settings, source, leading);
    if (!settings.serveMetricsApi()) {
      LOG.info("--serve-metrics-api=false: the external metrics API is served elsewhere");
      return new NotServing(channel);
    }
    try {
      return new WithCompanions(
          startServer(vertx, client, blocking, options.securePort(), options.certDir(), source),
          null,
          channel);
    } catch (RuntimeException e) {
      if (channel != null) {
        await(channel.close(), "stopping the metrics channel");
      }
      throw e;
    }
  }

  private static MetricsChannelServer.Running startChannel(
      Vertx vertx, Settings settings, MetricsSource source, BooleanSupplier leading) {
    if (settings.channelPort() <= 0) {
      return null;
    }
    ChannelTls tls;
    try {
      tls = new ChannelTls(settings.channelCertDir()).checked();
    } catch (IOException e) {
      LOG.warn(
          "metrics channel not started: {} (the 'keda4j adapter' Deployment cannot read values"
              + " from this replica)",
          e.getMessage());
      return null;
    }
    return await(
        MetricsChannelServer.start(
            vertx, "0.0.0.0", settings.channelPort(), tls, source, leading, CHANNEL_READ_TIMEOUT),
        "starting the metrics channel on port " + settings.channelPort());
  }

  /**
   * Starts the external metrics API with the cluster's authentication settings, kept in step with
   * {@code kube-system/extension-apiserver-authentication}; used by {@code keda4j run} and {@code
   * keda4j adapter}.
   */
  static RunningAdapter startServer(
      Vertx vertx,
      ApiClient client,
      ExecutorService blocking,
      int securePort,
      Path certDir,
      MetricsSource source) {
    AdapterOptions adapterOptions = AdapterOptions.defaults().withListen("0.0.0.0", securePort);
    Path cert = certDir.resolve("tls.crt");
    Path key = certDir.resolve("tls.key");
    if (Files.isReadable(cert) && Files.isReadable(key)) {
      adapterOptions = adapterOptions.withTlsFiles(cert, key, CERT_RELOAD);
    } else {
      LOG.warn(
          "no tls.crt/tls.key in {}: the metrics API serves a self-signed certificate", certDir);
    }
    AtomicReference<RunningAdapter> running = new AtomicReference<>();
    ExtensionAuthenticationWatcher watcher =
        new ExtensionAuthenticationWatcher(
            client,
            ExtensionAuthenticationWatcher.NAMESPACE,
            settings -> {
              RunningAdapter r = running.get();
              if (r != null) {
                r.updateAuthentication(settings);
              }
            });
    ExtensionApiserverAuthentication auth = watcher.readInitial().orElse(null);
    if (auth != null) {
      adapterOptions = adapterOptions.withClientCa(auth.clientCa());
      if (auth.requestHeader() != null) {
        adapterOptions = adapterOptions.withRequestHeader(auth.requestHeader());
      }
    } else {
      LOG.warn(
          "ConfigMap kube-system/extension-apiserver-authentication not usable yet: aggregator"
              + " client certificates are refused until it is");
    }
    RunningAdapter adapter;
    try {
      adapter =
          await(
              MetricsAdapterServer.start(
                  vertx,
                  adapterOptions,
                  source,
                  new TokenReviewAuthenticator(client, blocking, List.of()),
                  new SubjectAccessReviewAuthorizer(client, blocking)),
              "starting the metrics API on port " + securePort);
    } catch (RuntimeException e) {
      watcher.close();
      throw e;
    }
    running.set(adapter);
    watcher.start(AUTH_RELOAD);
    return new WithCompanions(adapter, watcher, null);
  }

  private static <T> T await(CompletionStage<T> stage, String what) {
    try {
      return stage.toCompletableFuture().get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UserFacingException("interrupted while " + what, e);
    } catch (ExecutionException | TimeoutException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new UserFacingException(what + " failed: " + cause.getMessage(), cause);
    }
  }

  /**
   * The adapter and what was started around it, closed with it: the ConfigMap watcher that feeds it
   * first, the metrics channel after (either may be null).
   */
  private record WithCompanions(
      RunningAdapter adapter,
      ExtensionAuthenticationWatcher watcher,
      MetricsChannelServer.Running channel)
      implements RunningAdapter {
    @Override
    public int port() {
      return adapter.port();
    }

    @Override
    public X509Certificate servingCertificate() {
      return adapter.servingCertificate();
    }

    @Override
    public PrometheusMeterRegistry meterRegistry() {
      return adapter.meterRegistry();
    }

    @Override
    public void updateAuthentication(ExtensionApiserverAuthentication settings) {
      adapter.updateAuthentication(settings);
    }

    @Override
    public CompletionStage<Void> close() {
      if (watcher != null) {
        watcher.close();
      }
      CompletionStage<Void> closing = adapter.close();
      return channel == null ? closing : closing.thenCompose(v -> channel.close());
    }
  }

  /** {@code --serve-metrics-api=false}: no API here (port -1), maybe the channel. */
  private record NotServing(MetricsChannelServer.Running channel) implements RunningAdapter {
    @Override
    public int port() {
      return -1;
    }

    @Override
    public X509Certificate servingCertificate() {
      return null;
    }

    @Override
    public PrometheusMeterRegistry meterRegistry() {
      return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    }

    @Override
    public CompletionStage<Void> close() {
      return channel == null ? CompletableFuture.completedFuture(null) : channel.close();
    }
  }
}
