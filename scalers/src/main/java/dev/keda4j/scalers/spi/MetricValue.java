package dev.keda4j.scalers.spi;

import java.util.Objects;

/**
 * One external metric value, named with the full HPA metric name ({@code s0-redis-mylist}).
 *
 * @param metricName the metric name the value was polled for
 * @param value the value as a milli-quantity
 */
public record MetricValue(String metricName, Quantity value) {
  public MetricValue {
    Objects.requireNonNull(metricName, "metricName");
    Objects.requireNonNull(value, "value");
  }

  /** KEDA's {@code GenerateMetricInMili(name, value)}. */
  public static MetricValue ofDouble(String metricName, double value) {
    return new MetricValue(metricName, Quantity.fromDouble(value));
  }

  /** An integer count (lengths, lags); negatives become zero like the float path. */
  public static MetricValue ofCount(String metricName, long count) {
    return new MetricValue(metricName, count <= 0 ? Quantity.ZERO : Quantity.of(count));
  }
}
