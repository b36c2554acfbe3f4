package dev.keda4j.scalers.spi;

import java.util.Objects;

/**
 * One autoscaling/v2 metric spec a scaler asks the HPA for.
 *
 * @param sourceType external metric or (container) resource metric
 * @param metricName full external metric name ({@code s0-redis-mylist}); resource name for resource
 *     metrics ({@code cpu}, {@code memory})
 * @param containerName container for {@link SourceType#CONTAINER_RESOURCE}, else null
 * @param targetType Value / AverageValue / Utilization
 * @param target the target quantity (null for Utilization)
 * @param averageUtilization percentage for Utilization targets, else null
 */
public record MetricSpec(
    SourceType sourceType,
    String metricName,
    String containerName,
    MetricTargetType targetType,
    Quantity target,
    Integer averageUtilization) {

  /** Kind of metric source in the HPA. */
  public enum SourceType {
    EXTERNAL,
    RESOURCE,
    CONTAINER_RESOURCE
  }

  public MetricSpec {
    Objects.requireNonNull(sourceType, "sourceType");
    Objects.requireNonNull(metricName, "metricName");
    Objects.requireNonNull(targetType, "targetType");
  }

  /** An external metric with a quantity target (KEDA's {@code GetMetricTarget}). */
  public static MetricSpec external(String metricName, MetricTargetType type, Quantity target) {
    if (type == MetricTargetType.UTILIZATION) {
      throw new IllegalArgumentException("Utilization is not a valid target for external metrics");
    }
    return new MetricSpec(SourceType.EXTERNAL, metricName, null, type, target, null);
  }

  /** An external metric with an integer target. */
  public static MetricSpec external(String metricName, MetricTargetType type, long target) {
    return external(metricName, type, Quantity.of(target));
  }

  /** A resource metric (cpu/memory), optionally per container. */
  public static MetricSpec resource(
      String resourceName,
      String containerName,
      MetricTargetType type,
      Quantity target,
      Integer averageUtilization) {
    SourceType st =
        containerName == null || containerName.isEmpty()
            ? SourceType.RESOURCE
            : SourceType.CONTAINER_RESOURCE;
    return new MetricSpec(st, resourceName, containerName, type, target, averageUtilization);
  }
}
