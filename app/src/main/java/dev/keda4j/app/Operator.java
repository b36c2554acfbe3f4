package dev.keda4j.app;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One running keda4j process: the cluster connection and the endpoints every pod serves. */
public final class Operator implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Operator.class);

  private final KubeConnection kube;
  private final PrometheusMeterRegistry registry;
  private final ProbeServer probes;
  private final ProbeServer metrics;

  private Operator(
      KubeConnection kube,
      PrometheusMeterRegistry registry,
      ProbeServer probes,
      ProbeServer metrics) {
    this.kube = kube;
    this.registry = registry;
    this.probes = probes;
    this.metrics = metrics;
  }

  /** Connects to the cluster and opens the probe and metrics endpoints. */
  public static Operator start(RunOptions options) {
    KubeConnection kube = KubeConnection.connect(options.kubeconfig());
    LOG.info(
        "connected to Kubernetes {} at {}; watching {}",
        kube.serverVersion(),
        kube.client().getBasePath(),
        options.watchNamespaces().isEmpty()
            ? "all namespaces"
            : "namespaces " + String.join(",", options.watchNamespaces()));
    if (!kube.kedaCrdsInstalled()) {
      LOG.warn(
          "the keda.sh CRDs are not installed in this cluster; install them with"
              + " 'kubectl apply -f charts/keda4j/crds/' or the Helm chart");
    }
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    ProbeServer probes = ProbeServer.health(options.health());
    ProbeServer metrics = ProbeServer.metrics(options.metrics(), registry);
    LOG.info("health probes on {}, metrics on {}", probes.boundAddress(), metrics.boundAddress());
    return new Operator(kube, registry, probes, metrics);
  }

  public KubeConnection kube() {
    return kube;
  }

  public ProbeServer probes() {
    return probes;
  }

  public ProbeServer metrics() {
    return metrics;
  }

  @Override
  public void close() {
    probes.close();
    metrics.close();
    registry.close();
  }
}
