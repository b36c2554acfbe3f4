package dev.keda4j.scalers.resource;

import dev.keda4j.scalers.config.ConfigStrings;
import dev.keda4j.scalers.config.Param;

/**
 * {@code cpu} and {@code memory} (scalers.md §3.11). The target's meaning depends on the trigger's
 * {@code metricType}, which is not metadata, so {@link ResourceTarget} reads the two together.
 *
 * @param type removed in KEDA 2.18: present ⇒ error
 * @param value percent (Utilization) or quantity (AverageValue)
 * @param containerName set ⇒ a ContainerResource metric for that container
 */
public record ResourceConfig(
    @Param(
            name = "type",
            optional = true,
            deprecated =
                "The 'type' setting is DEPRECATED and is removed in v2.18 - Use 'metricType'"
                    + " instead.")
        String type,
    @Param(name = "value") String value,
    @Param(name = "containerName", optional = true) String containerName) {

  @Override
  public String toString() {
    return ConfigStrings.describe(this);
  }
}
