package dev.keda4j.controller.scaledobject;

import dev.keda4j.controller.k8s.EventRecorder;
import dev.keda4j.controller.k8s.StatusPatcher;
import dev.keda4j.controller.metrics.KedaMetrics;
import dev.keda4j.controller.scaling.ScalerCache;
import dev.keda4j.controller.scaling.resolve.TriggerResolver;
import io.kubernetes.client.openapi.ApiClient;
import java.time.Clock;
import java.time.Duration;

/**
 * What the ScaledObject reconciler and scale loop talk to.
 *
 * @param client the cluster (HPA calls)
 * @param resolver resolves triggers' env and auth
 * @param scalers the shared scaler cache
 * @param targets the targets' {@code /scale} and pod template
 * @param events event recorder
 * @param patcher status and metadata merge patches
 * @param clock the time decisions are made at
 * @param pollTimeout the longest one metric read may take
 * @param operatorVersion {@code app.kubernetes.io/version} on HPAs
 * @param metrics the keda_* metrics port ({@link KedaMetrics#NOOP}: the scaler cache's)
 */
public record ScaledObjectServices(
    ApiClient client,
    TriggerResolver resolver,
    ScalerCache scalers,
    ScaleTargetClient targets,
    EventRecorder events,
    StatusPatcher patcher,
    Clock clock,
    Duration pollTimeout,
    String operatorVersion,
    KedaMetrics metrics) {

  /**
   * The keda_* metrics port: the one given, else the scaler cache's (so one registry wired into the
   * cache serves the reconciler and the loop alike).
   */
  @Override
  public KedaMetrics metrics() {
    if (metrics != null && metrics != KedaMetrics.NOOP) {
      return metrics;
    }
    return scalers == null ? KedaMetrics.NOOP : scalers.metrics();
  }

  /** Services without metrics of their own. */
  public ScaledObjectServices(
      ApiClient client,
      TriggerResolver resolver,
      ScalerCache scalers,
      ScaleTargetClient targets,
      EventRecorder events,
      StatusPatcher patcher,
      Clock clock,
      Duration pollTimeout,
      String operatorVersion) {
    this(
        client,
        resolver,
        scalers,
        targets,
        events,
        patcher,
        clock,
        pollTimeout,
        operatorVersion,
        KedaMetrics.NOOP);
  }

  /** A copy with {@code metrics}. */
  public ScaledObjectServices withMetrics(KedaMetrics metrics) {
    return new ScaledObjectServices(
        client,
        resolver,
        scalers,
        targets,
        events,
        patcher,
        clock,
        pollTimeout,
        operatorVersion,
        metrics == null ? KedaMetrics.NOOP : metrics);
  }
}
