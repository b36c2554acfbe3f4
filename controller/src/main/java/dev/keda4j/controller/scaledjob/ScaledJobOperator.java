package dev.keda4j.controller.scaledjob;

import dev.keda4j.controller.k8s.EventRecorder;
import dev.keda4j.controller.k8s.KubeEventRecorder;
import dev.keda4j.controller.k8s.KubeJobsApi;
import dev.keda4j.controller.k8s.KubeObjectLookup;
import dev.keda4j.controller.k8s.StatusPatcher;
import dev.keda4j.controller.k8s.StatusWriter;
import dev.keda4j.controller.k8s.TriggerAuthStatus;
import dev.keda4j.controller.metrics.KedaMetrics;
import dev.keda4j.controller.scaling.PollScheduler;
import dev.keda4j.controller.scaling.ScalerCache;
import dev.keda4j.controller.scaling.resolve.TriggerResolver;
import io.kubernetes.client.openapi.ApiClient;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;

/**
 * Wires the ScaledJob side over client-java: services, reconciler and informer-driven controller.
 */
public final class ScaledJobOperator implements AutoCloseable {
  private final ScaledJobController controller;
  private final JobLoopServices services;

  private ScaledJobOperator(ScaledJobController controller, JobLoopServices services) {
    this.controller = controller;
    this.services = services;
  }

  /**
   * Services over {@code client}.
   *
   * @param clusterObjectNamespace KEDA's namespace (ClusterTriggerAuthentication secrets)
   * @param operatorVersion the {@code app.kubernetes.io/version} label on Jobs
   * @param pollTimeout the longest one metric read may take
   * @param writePool runs Job creates side by side (owned by the caller)
   * @return services recording {@code keda_*} metrics in the cache's {@link ScalerCache#metrics()}
   */
  public static JobLoopServices services(
      ApiClient client,
      ScalerCache cache,
      Clock clock,
      String clusterObjectNamespace,
      String operatorVersion,
      Duration pollTimeout,
      Executor writePool) {
    return services(
        client,
        cache,
        clock,
        clusterObjectNamespace,
        operatorVersion,
        pollTimeout,
        writePool,
        cache.metrics(),
        new KubeEventRecorder(client, clock));
  }

  /**
   * As above, recording {@code keda_*} metrics in {@code metrics} and the events going through
   * {@code events} (e.g. the process's budgeted recorder).
   *
   * @param metrics the metrics port ({@link KedaMetrics#NOOP} records nothing)
   */
  public static JobLoopServices services(
      ApiClient client,
      ScalerCache cache,
      Clock clock,
      String clusterObjectNamespace,
      String operatorVersion,
      Duration pollTimeout,
      Executor writePool,
      KedaMetrics metrics,
      EventRecorder events) {
    KubeObjectLookup lookup = new KubeObjectLookup(client);
    return new JobLoopServices(
        TriggerResolver.of(lookup, clusterObjectNamespace),
        cache,
        new TriggerPoller(cache, pollTimeout),
        new KubeJobsApi(client),
        new JobFactory(operatorVersion),
        events,
        new StatusWriter(new StatusPatcher(client)),
        clock,
        writePool,
        metrics,
        new TriggerAuthStatus(lookup, new StatusPatcher(client)));
  }

  /**
   * Starts watching ScaledJobs of {@code namespace} (null: all) and returns once synced.
   *
   * @param scheduler the shared poll scheduler (not closed by this operator)
   */
  public static ScaledJobOperator start(
      ApiClient client,
      String namespace,
      JobLoopServices services,
      PollScheduler scheduler,
      Duration retryDelay)
      throws TimeoutException, InterruptedException {
    ScaledJobReconciler reconciler =
        new ScaledJobReconciler(services, scheduler, new StatusPatcher(client));
    ScaledJobController controller =
        new ScaledJobController(client, namespace, reconciler, retryDelay);
    controller.start(Duration.ofSeconds(30));
    return new ScaledJobOperator(controller, services);
  }

  public JobLoopServices services() {
    return services;
  }

  /** Stops watching and every job loop it started. */
  @Override
  public void close() {
    controller.close();
  }
}
