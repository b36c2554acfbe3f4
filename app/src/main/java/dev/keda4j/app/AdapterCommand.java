package dev.keda4j.app;

import dev.keda4j.adapter.RunningAdapter;
import dev.keda4j.adapter.channel.ChannelTls;
import dev.keda4j.adapter.channel.LeaderLocator;
import dev.keda4j.adapter.channel.RemoteMetricsSource;
import dev.keda4j.controller.k8s.leader.LeaderIdentity;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoordinationV1Api;
import io.kubernetes.client.openapi.models.V1Lease;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code keda4j adapter}: the external metrics API as its own Deployment (KEDA's {@code
 * keda-operator-metrics-apiserver}), asking the leading controller replica for values over the
 * mutual-TLS metrics channel. The leader is the holder of the leader election Lease, whose identity
 * is {@code <POD_NAME>_<POD_IP>}.
 */
@Command(
    name = "adapter",
    mixinStandardHelpOptions = true,
    versionProvider = BuildInfo.class,
    description =
        "Serve the external metrics API (external.metrics.k8s.io) from values of the leading"
            + " keda4j controller, read over the internal metrics channel.")
final class AdapterCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(AdapterCommand.class);
  private static final Duration READ_DEADLINE = Duration.ofSeconds(3);
  private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);
  private static final int BLOCKING_THREADS = 4;

  @CommandLine.Mixin ProcessFlags process;

  @Option(
      names = "--channel-cert-dir",
      defaultValue = "${env:KEDA4J_CHANNEL_CERT_DIR:-/channel-certs}",
      description =
          "Directory with ca.crt, tls.crt and tls.key of the metrics channel (default"
              + " ${DEFAULT-VALUE}).")
  Path channelCertDir;

  @Option(
      names = "--metrics-channel-port",
      defaultValue = "${env:KEDA4J_METRICS_CHANNEL_PORT:-9666}",
      description = "Port of the controllers' metrics channel (default ${DEFAULT-VALUE}).")
  int channelPort;

  @Option(
      names = "--leader-election-namespace",
      defaultValue = "${env:POD_NAMESPACE}",
      description =
          "Namespace of the controllers' leader election Lease (default: env POD_NAMESPACE, else"
              + " the service account's namespace, else keda), as for 'keda4j run'.")
  String leaseNamespace;

  @Option(
      names = "--leader-election-id",
      defaultValue = "${env:KEDA4J_LEADER_ELECTION_ID:-keda4j-operator}",
      description = "Name of the leader election Lease (default ${DEFAULT-VALUE}).")
  String leaseName;

  @Override
  public Integer call() throws Exception {
    CommandSupport.applyLogLevel(process.logLevel);
    BindAddress metricsBind = process.metricsBind();
    BindAddress healthBind = process.healthBind();
    ChannelTls tls;
    try {
      tls = new ChannelTls(channelCertDir).checked();
    } catch (IOException e) {
      throw new UserFacingException(
          "--channel-cert-dir: " + e.getMessage() + " (the channel needs ca.crt, tls.crt, tls.key)",
          e);
    }
    if (leaseNamespace == null || leaseNamespace.isBlank()) {
      leaseNamespace =
          LeaderElectionOptions.defaultNamespace(
              null, LeaderElectionOptions.SERVICE_ACCOUNT_NAMESPACE);
    }
    KubeConnection kube = KubeConnection.connect(process.kubeconfig);
    CountDownLatch stopRequested = new CountDownLatch(1);
    CountDownLatch closed = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stopRequested.countDown();
                  CommandSupport.awaitQuietly(closed, SHUTDOWN_GRACE);
                },
                "keda4j-adapter-shutdown"));
    Vertx vertx = Vertx.vertx();
    ExecutorService blocking =
        Executors.newFixedThreadPool(
            BLOCKING_THREADS,
            r -> {
              Thread t = new Thread(r, "keda4j-adapter-blocking");
              t.setDaemon(true);
              return t;
            });
    RemoteMetricsSource source =
        new RemoteMetricsSource(
            vertx,
            tls,
            leaseHolder(kube.client(), blocking, leaseNamespace, leaseName),
            channelPort,
            READ_DEADLINE);
    RunningAdapter adapter = null;
    try (ProbeServer probes = ProbeServer.health(healthBind)) {
      adapter =
          AdapterStarter.startServer(
              vertx, kube.client(), blocking, process.securePort, process.certDir, source);
      try (ProbeServer metrics = ProbeServer.metrics(metricsBind, adapter.meterRegistry())) {
        LOG.info(
            "keda4j adapter {} serving the external metrics API on https port {} from the leader"
                + " of Lease {}/{} (channel port {}); health on {}, metrics on {}",
            BuildInfo.version(),
            adapter.port(),
            leaseNamespace,
            leaseName,
            channelPort,
            probes.boundAddress(),
            metrics.boundAddress());
        stopRequested.await();
        LOG.info("keda4j adapter stopping");
      }
      return 0;
    } finally {
      if (adapter != null) {
        adapter.close().toCompletableFuture().get(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS);
      }
      source.close();
      blocking.shutdownNow();
      vertx.close().toCompletionStage().toCompletableFuture().get();
      closed.countDown();
    }
  }

  /**
   * The leader's pod IP from the Lease's {@code holderIdentity} ({@code <POD_NAME>_<POD_IP>}), read
   * on the blocking pool; empty when the Lease is missing, unheld or not of that form.
   */
  static LeaderLocator leaseHolder(
      ApiClient client, ExecutorService blocking, String namespace, String name) {
    CoordinationV1Api api = new CoordinationV1Api(client);
    return () ->
        CompletableFuture.supplyAsync(
            () -> {
              try {
                V1Lease lease = api.readNamespacedLease(name, namespace).execute();
                String holder =
                    lease.getSpec() == null ? null : lease.getSpec().getHolderIdentity();
                Optional<String> ip = podIp(holder);
                if (ip.isEmpty()) {
                  LOG.warn(
                      "Lease {}/{}: holder '{}' is not <POD_NAME>_<POD_IP>: no leader to ask",
                      namespace,
                      name,
                      holder);
                }
                return ip;
              } catch (ApiException e) {
                LOG.warn("Lease {}/{} unreadable (HTTP {})", namespace, name, e.getCode());
                return Optional.empty();
              }
            },
            blocking);
  }

  /** The {@code <POD_IP>} of a {@code <POD_NAME>_<POD_IP>} Lease holder identity. */
  static Optional<String> podIp(String holderIdentity) {
    return LeaderIdentity.parse(holderIdentity).map(LeaderIdentity::ip);
  }
}
