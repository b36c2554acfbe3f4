package dev.keda4j.controller.scaledobject.fallback;

import dev.keda4j.api.v1alpha1.HealthStatus;
import dev.keda4j.scalers.spi.MetricValue;
import java.util.List;

/**
 * What a metric read yields once fallback is applied.
 *
 * @param health new {@code status.health[metric]}, null when fallback is disabled (leave it)
 * @param values values to return (read or fallback)
 * @param fallbackActive the values are the fallback's: the trigger counts as active
 * @param error the error to return instead of values, null when values are returned
 */
public record FallbackOutcome(
    HealthStatus health, List<MetricValue> values, boolean fallbackActive, String error) {
  public FallbackOutcome {
    values = List.copyOf(values);
  }
}
