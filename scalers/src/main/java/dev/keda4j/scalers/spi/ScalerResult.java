package dev.keda4j.scalers.spi;

import java.util.List;

/**
 * What a poll returns: the metric values and whether the trigger is active, together.
 *
 * @param values the values (usually one)
 * @param active KEDA's activity (usually {@code value > activationThreshold})
 */
public record ScalerResult(List<MetricValue> values, boolean active) {
  public ScalerResult {
    values = List.copyOf(values);
  }

  /** A single value. */
  public static ScalerResult of(MetricValue value, boolean active) {
    return new ScalerResult(List.of(value), active);
  }
}
