package dev.keda4j.controller.scaledobject.hpa;

import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import java.util.List;

/**
 * The HPA a ScaledObject wants and the status fields derived while building it.
 *
 * @param hpa the desired autoscaling/v2 object
 * @param externalMetricNames {@code status.externalMetricNames}, in trigger order
 * @param resourceMetricNames {@code status.resourceMetricNames} ({@code cpu}/{@code memory})
 * @param compositeScalerName {@code composite-metric} when scalingModifiers drive the HPA, else
 *     null
 */
public record DesiredHpa(
    V2HorizontalPodAutoscaler hpa,
    List<String> externalMetricNames,
    List<String> resourceMetricNames,
    String compositeScalerName) {
  public DesiredHpa {
    externalMetricNames = List.copyOf(externalMetricNames);
    resourceMetricNames = List.copyOf(resourceMetricNames);
  }
}
