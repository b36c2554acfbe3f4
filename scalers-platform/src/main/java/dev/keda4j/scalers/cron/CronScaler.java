package dev.keda4j.scalers.cron;

import dev.keda4j.scalers.spi.MetricSpec;
import dev.keda4j.scalers.spi.MetricTargetType;
import dev.keda4j.scalers.spi.MetricValue;
import dev.keda4j.scalers.spi.Scaler;
import dev.keda4j.scalers.spi.ScalerContext;
import dev.keda4j.scalers.spi.ScalerResult;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code desiredReplicas} inside the window, 0 outside, against a target of 1 so the HPA asks for
 * exactly {@code desiredReplicas} replicas (KEDA's {@code cron_scaler.go}).
 */
public final class CronScaler implements Scaler {
  /** Target 1: the HPA divides the value by it, so the value is the replica count. */
  private static final long TARGET = 1;

  private final CronConfig config;
  private final String metricName;
  private final MetricTargetType targetType;
  private final Clock clock;

  /**
   * @param ctx the trigger
   * @param config a validated config
   * @param targetType the external target type of the trigger's {@code metricType}
   * @param clock the time the window is evaluated at
   */
  CronScaler(ScalerContext ctx, CronConfig config, MetricTargetType targetType, Clock clock) {
    this.config = config;
    this.metricName = ctx.metricName(CronMetricName.base(config));
    this.targetType = targetType;
    this.clock = clock;
  }

  @Override
  public List<MetricSpec> metricSpecs() {
    return List.of(MetricSpec.external(metricName, targetType, TARGET));
  }

  @Override
  public CompletionStage<ScalerResult> poll(String requested) {
    CronWindow window;
    try {
      window = CronWindow.of(config);
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(
          new CronScalerException("unable to load timezone: " + e.getMessage(), e));
    }
    boolean active = window.contains(clock.instant());
    long value = active ? config.desiredReplicas() : 0;
    return CompletableFuture.completedFuture(
        ScalerResult.of(MetricValue.ofCount(requested, value), active));
  }

  @Override
  public void close() {
    // holds no client
  }

  @Override
  public String toString() {
    return "CronScaler[" + metricName + "]";
  }
}
