package dev.keda4j.controller.scaledobject;

import dev.keda4j.controller.k8s.EventRecorder;
import dev.keda4j.controller.k8s.KubeEventRecorder;
import dev.keda4j.controller.k8s.KubeObjectLookup;
import dev.keda4j.controller.k8s.StatusPatcher;
import dev.keda4j.controller.metrics.KedaMetrics;
import dev.keda4j.controller.scaling.PollScheduler;
import dev.keda4j.controller.scaling.ScalerCache;
import dev.keda4j.controller.scaling.resolve.TriggerResolver;
import io.kubernetes.client.openapi.ApiClient;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Wires the ScaledObject side over client-java: services, reconciler and informer-driven
 * controller.
 */
public final class ScaledObjectOperator implements AutoCloseable {
  private final ScaledObjectController controller;

  private ScaledObjectOperator(ScaledObjectController controller) {
    this.controller = controller;
  }

  /**
   * Services over {@code client}.
   *
   * @param clusterObjectNamespace KEDA's namespace (ClusterTriggerAuthentication secrets)
   * @param operatorVersion the {@code app.kubernetes.io/version} label on HPAs
   * @param pollTimeout the longest one metric read may take
   */
  public static ScaledObjectServices services(
      ApiClient client,
      ScalerCache cache,
      Clock clock,
      String clusterObjectNamespace,
      String operatorVersion,
      Duration pollTimeout) {
    return services(
        client,
        cache,
        clock,
        clusterObjectNamespace,
        operatorVersion,
        pollTimeout,
        KedaMetrics.NOOP,
        new KubeEventRecorder(client, clock));
  }

  /**
   * Services over {@code client} recording keda_* metrics and events through {@code events} (e.g.
   * the process's {@link dev.keda4j.controller.k8s.BudgetedEventRecorder}).
   *
   * @param metrics objectError / paused of ScaledObjects go there
   * @param events where the ScaledObject events go
   */
  public static ScaledObjectServices services(
      ApiClient client,
      ScalerCache cache,
      Clock clock,
      String clusterObjectNamespace,
      String operatorVersion,
      Duration pollTimeout,
      KedaMetrics metrics,
      EventRecorder events) {
    return new ScaledObjectServices(
        client,
        TriggerResolver.of(new KubeObjectLookup(client), clusterObjectNamespace),
        cache,
        new ScaleTargetClient(client),
        events,
        new StatusPatcher(client),
        clock,
        pollTimeout,
        operatorVersion,
        metrics == null ? KedaMetrics.NOOP : metrics);
  }

  /**
   * Starts watching ScaledObjects of {@code namespace} (null: all) and returns once synced.
   *
   * @param scheduler the shared poll scheduler (not closed by this operator)
   */
  public static ScaledObjectOperator start(
      ApiClient client,
      String namespace,
      ScaledObjectServices services,
      PollScheduler scheduler,
      Duration retryDelay)
      throws TimeoutException, InterruptedException {
    AtomicReference<ScaledObjectController> ref = new AtomicReference<>();
    ScaledObjectReconciler reconciler =
        new ScaledObjectReconciler(
            services,
            scheduler,
            nsName -> ref.get().cached(nsName),
            new ScaledObjectReconciler.Listers() {
              @Override
              public java.util.List<dev.keda4j.api.v1alpha1.ScaledObject> scaledObjects(String ns) {
                return ref.get().scaledObjects(ns);
              }

              @Override
              public java.util.List<io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler>
                  hpas(String ns) {
                return ref.get().hpas(ns);
              }
            });
    ScaledObjectController controller =
        new ScaledObjectController(client, namespace, reconciler, retryDelay);
    ref.set(controller);
    controller.start(Duration.ofSeconds(30));
    return new ScaledObjectOperator(controller);
  }

  /** The ScaledObjects of {@code namespace} as the informer holds them now. */
  public java.util.List<dev.keda4j.api.v1alpha1.ScaledObject> scaledObjects(String namespace) {
    return controller.scaledObjects(namespace);
  }

  /** Stops watching and every scale loop it started. */
  @Override
  public void close() {
    controller.close();
  }
}
