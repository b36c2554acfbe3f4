package dev.keda4j.controller.scaledjob;

import dev.keda4j.scalers.spi.MetricSpec;
import dev.keda4j.scalers.spi.MetricTargetType;
import dev.keda4j.scalers.spi.MetricValue;
import dev.keda4j.scalers.spi.ScalerResult;
import java.util.List;

/** Turns one poll of one External spec into a {@link TriggerMetric} (scaledjob.md §2.1). */
public final class TriggerMetrics {
  private TriggerMetrics() {}

  /**
   * @param specs every metric spec of the trigger's scaler
   * @param result the poll of one External spec
   * @param activeSoFar whether an earlier spec of this scaler was active
   * @param maxReplicaCount {@code MaxReplicaCount()}
   */
  public static TriggerMetric of(
      List<MetricSpec> specs, ScalerResult result, boolean activeSoFar, int maxReplicaCount) {
    String first = specs.isEmpty() ? "" : specs.get(0).metricName();
    double queueLength = 0;
    for (MetricValue v : result.values()) {
      if (v.metricName().equals(first)) {
        queueLength += v.value().doubleValue();
      }
    }
    double target = targetAverageValue(specs);
    double maxValue = target == 0 ? 0 : Math.min(queueLength / target, maxReplicaCount);
    return new TriggerMetric(queueLength, maxValue, activeSoFar || result.active());
  }

  /** Mean of the AverageValue targets over all specs; a spec without one counts 0. */
  static double targetAverageValue(List<MetricSpec> specs) {
    if (specs.isEmpty()) {
      return 0;
    }
    double sum = 0;
    for (MetricSpec s : specs) {
      if (s.sourceType() == MetricSpec.SourceType.EXTERNAL
          && s.targetType() == MetricTargetType.AVERAGE_VALUE
          && s.target() != null) {
        sum += s.target().doubleValue();
      }
    }
    return sum / specs.size();
  }
}
