package dev.keda4j.app;

import dev.keda4j.adapter.MetricsSource;
import dev.keda4j.adapter.RunningAdapter;
import dev.keda4j.controller.k8s.BudgetedEventRecorder;
import dev.keda4j.controller.k8s.EventRecorder;
import dev.keda4j.controller.k8s.KubeEventRecorder;
import dev.keda4j.controller.k8s.leader.LeaderElection;
import dev.keda4j.controller.metrics.KedaMetrics;
import dev.keda4j.controller.metrics.PrometheusKedaMetrics;
import dev.keda4j.controller.metrics.RegisteredInformers;
import dev.keda4j.controller.scaledobject.CachedMetricsSource;
import dev.keda4j.controller.scaling.PollScheduler;
import dev.keda4j.controller.scaling.ScalerCache;
import dev.keda4j.scalers.spi.ScalerRegistry;
import dev.keda4j.scalers.spi.ScalerRuntime;
import dev.keda4j.scalers.workload.KubernetesClientSlot;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running keda4j process: the cluster connection, the endpoints every pod serves and the
 * external metrics API. Parts are closed in the reverse order they were started.
 */
public final class Operator implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Operator.class);
  private static final int BLOCKING_THREADS = 8;
  private static final int POLL_THREADS = 2;

  private final KubeConnection kube;
  private final ProbeServer probes;
  private final ProbeServer metrics;
  private final RunningAdapter adapter;
  private final PrometheusKedaMetrics kedaMetrics;
  private final LeaderElection election;
  private final Deque<AutoCloseable> closeables;

  private Operator(
      KubeConnection kube,
      ProbeServer probes,
      ProbeServer metrics,
      RunningAdapter adapter,
      PrometheusKedaMetrics kedaMetrics,
      LeaderElection election,
      Deque<AutoCloseable> closeables) {
    this.kube = kube;
    this.probes = probes;
    this.metrics = metrics;
    this.adapter = adapter;
    this.kedaMetrics = kedaMetrics;
    this.election = election;
    this.closeables = closeables;
  }

  /**
   * Connects to the cluster and opens the probe, metrics and external metrics endpoints; the
   * controllers run once this replica leads. When the controllers cannot be stopped in time after
   * the lease is lost the process exits with status 1, as controller-runtime does.
   */
  public static Operator start(RunOptions options) {
    return start(options, Operator::exitAfterLeaseLoss);
  }

  private static void exitAfterLeaseLoss() {
    Thread exit = new Thread(() -> System.exit(1), "keda4j-lease-lost-exit");
    exit.start();
  }

  /**
   * As {@link #start(RunOptions)}, with what to do when the controllers cannot be stopped in time
   * after the lease is lost (tests record it instead of exiting).
   */
  public static Operator start(RunOptions options, Runnable onLeaseLossFatal) {
    KubeConnection kube = KubeConnection.connect(options.kubeconfig());
    LOG.info(
        "connected to Kubernetes {} at {}; watching {}",
        kube.serverVersion(),
        kube.client().getBasePath(),
        options.watchNamespaces().isEmpty()
            ? "all namespaces"
            : "namespaces " + String.join(",", options.watchNamespaces()));
    boolean crdsInstalled = kube.kedaCrdsInstalled();
    if (!crdsInstalled) {
      LOG.warn(
          "the keda.sh CRDs are not installed in this cluster; install them with"
              + " 'kubectl apply -f charts/keda4j/crds/' or the Helm chart");
    }
    Deque<AutoCloseable> started = new ArrayDeque<>();
    try {
      PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      started.push(registry::close);
      PrometheusKedaMetrics kedaMetrics =
          PrometheusKedaMetrics.register(
              registry.getPrometheusRegistry(), BuildInfo.version(), BuildInfo.gitCommit());
      ProbeServer probes = ProbeServer.health(options.health());
      started.push(probes);
      ProbeServer metrics = ProbeServer.metrics(options.metrics(), registry);
      started.push(metrics);
      Vertx vertx = Vertx.vertx();
      started.push(() -> vertx.close().toCompletionStage().toCompletableFuture().get());
      ExecutorService blocking = Executors.newFixedThreadPool(BLOCKING_THREADS, daemon());
      started.push(
          () -> {
            blocking.shutdownNow();
            blocking.awaitTermination(5, TimeUnit.SECONDS);
          });
      ScalerRuntime runtime = new ScalerRuntime(vertx, blocking);
      started.push(runtime);
      KubernetesClientSlot.register(runtime, kube.client());
      ScalerCache cache = new ScalerCache(ScalerRegistry.load(), runtime, kedaMetrics);
      started.push(cache);
      // one budget of Normal events for the whole process, ScaledObjects and ScaledJobs alike
      EventRecorder events =
          new BudgetedEventRecorder(
              new KubeEventRecorder(kube.client(), Clock.systemUTC()),
              options.normalEvents(),
              Clock.systemUTC(),
              registry);
      LOG.info("Normal events: {} (Warning events: unlimited)", options.normalEvents());
      PollScheduler scheduler = new PollScheduler(POLL_THREADS, "keda4j-poll");
      started.push(scheduler);
      MetricsSource source =
          crdsInstalled
              ? new CachedMetricsSource(cache, ScaledJobs.httpTimeout())
              : AdapterStarter.NOT_SERVED_YET;
      // the channel must answer 503 on a standby: only the leader's scaler cache is filled
      AtomicReference<LeaderElection> electionRef = new AtomicReference<>();
      boolean electing = options.leaderElection().enabled();
      RunningAdapter adapter =
          AdapterStarter.start(
              vertx,
              kube.client(),
              blocking,
              options,
              source,
              AdapterStarter.RunFlags.current(),
              () -> {
                LeaderElection e = electionRef.get();
                return e == null ? !electing : e.isLeader();
              });
      started.push(() -> adapter.close().toCompletableFuture().get());
      LeaderElection election = null;
      if (crdsInstalled) {
        LeaderElection.Leading controllers =
            () -> startControllers(kube, options, cache, scheduler, blocking, kedaMetrics, events);
        LeaderElectionOptions le = options.leaderElection();
        if (le.enabled()) {
          election =
              LeaderElection.start(
                  kube.client(),
                  new LeaderElection.Config(
                      le.namespace(),
                      le.id(),
                      le.holderIdentity(),
                      le.leaseDuration(),
                      le.renewDeadline(),
                      le.retryPeriod()),
                  controllers,
                  onLeaseLossFatal);
          electionRef.set(election);
          started.push(election);
        } else {
          started.push(controllers.start());
        }
      } else {
        LOG.warn(
            "ScaledObjects and ScaledJobs are not watched until the keda.sh CRDs are installed"
                + " and keda4j restarts");
      }
      LOG.info(
          "health probes on {}, metrics on {}, external metrics API on https port {}",
          probes.boundAddress(),
          metrics.boundAddress(),
          adapter.port());
      return new Operator(kube, probes, metrics, adapter, kedaMetrics, election, started);
    } catch (RuntimeException e) {
      closeAll(started);
      throw e;
    } catch (Exception e) {
      closeAll(started);
      throw new UserFacingException("starting the controllers failed: " + e.getMessage(), e);
    }
  }

  /**
   * The writing part: ScaledObject and ScaledJob controllers per watched namespace and the
   * informers behind {@code keda_*_registered_total}. Runs on the leader only; the handle stops it.
   */
  private static AutoCloseable startControllers(
      KubeConnection kube,
      RunOptions options,
      ScalerCache cache,
      PollScheduler scheduler,
      ExecutorService blocking,
      PrometheusKedaMetrics kedaMetrics,
      EventRecorder events) {
    Deque<AutoCloseable> parts = new ArrayDeque<>();
    try {
      RegisteredInformers registered =
          RegisteredInformers.start(kube.client(), options.watchNamespaces());
      parts.push(registered);
      parts.push(kedaMetrics.addRegisteredSource(registered));
      KedaMetrics port = kedaMetrics;
      for (String namespace : namespacesToWatch(options)) {
        parts.push(ScaledObjects.start(kube.client(), namespace, cache, scheduler, port, events));
        parts.push(
            ScaledJobs.start(
                kube.client(), namespace, cache, scheduler, blocking, options, port, events));
      }
    } catch (RuntimeException e) {
      closeAll(parts);
      throw e;
    }
    return () -> {
      closeAll(parts);
      // a replica that stopped leading reports no stale per-object series
      kedaMetrics.clearObjects();
    };
  }

  /** client-java informers take null for "all namespaces". */
  private static java.util.List<String> namespacesToWatch(RunOptions options) {
    java.util.List<String> namespaces = new java.util.ArrayList<>(options.watchNamespaces());
    if (namespaces.isEmpty()) {
      namespaces.add(null);
    }
    return namespaces;
  }

  private static java.util.concurrent.ThreadFactory daemon() {
    return runnable -> {
      Thread thread = new Thread(runnable, "keda4j-blocking");
      thread.setDaemon(true);
      return thread;
    };
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

  public RunningAdapter adapter() {
    return adapter;
  }

  /** The keda_* metrics scraped from /metrics. */
  public PrometheusKedaMetrics kedaMetrics() {
    return kedaMetrics;
  }

  /** True when this replica runs the controllers (always, without leader election). */
  public boolean leading() {
    return election == null || election.isLeader();
  }

  @Override
  public void close() {
    closeAll(closeables);
  }

  private static void closeAll(Deque<AutoCloseable> closeables) {
    while (!closeables.isEmpty()) {
      try {
        closeables.pop().close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (Exception e) {
        // keep closing the rest: one stuck part must not leave the others open
        LOG.warn("closing a part of keda4j failed: {}", e.toString());
      }
    }
  }
}
