package dev.keda4j.controller.scaledobject.fallback;

import dev.keda4j.api.v1alpha1.HealthStatus;
import dev.keda4j.scalers.spi.MetricTargetType;
import dev.keda4j.scalers.spi.MetricValue;
import dev.keda4j.scalers.spi.Quantity;
import java.util.List;

/**
 * One external metric read, as the fallback logic sees it.
 *
 * @param metricName the external metric name
 * @param targetType the trigger's target type
 * @param target the trigger's target (averageValue or value)
 * @param previous {@code status.health[metricName]} before this read, null if none
 * @param values the values read (empty on error)
 * @param error the read error (no secrets: scaler errors are sanitized), null on success
 * @param currentReplicas the target's replicas, null if they could not be read
 * @param readyPods Running+Ready pods behind the target's selector, for Value targets
 */
public record MetricRead(
    String metricName,
    MetricTargetType targetType,
    Quantity target,
    HealthStatus previous,
    List<MetricValue> values,
    String error,
    Integer currentReplicas,
    Integer readyPods) {
  public MetricRead {
    values = values == null ? List.of() : List.copyOf(values);
  }
}
