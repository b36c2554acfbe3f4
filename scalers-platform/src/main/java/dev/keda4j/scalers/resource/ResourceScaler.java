package dev.keda4j.scalers.resource;

import dev.keda4j.scalers.spi.MetricSpec;
import dev.keda4j.scalers.spi.Scaler;
import dev.keda4j.scalers.spi.ScalerResult;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A cpu or memory trigger: only an HPA Resource/ContainerResource metric, which the metrics server
 * serves. There is nothing for KEDA to read, so a poll fails rather than report a value or an
 * activity: these triggers never make a ScaledObject active (scaledobject.md §5.1).
 */
public final class ResourceScaler implements Scaler {
  private final MetricSpec spec;

  ResourceScaler(MetricSpec spec) {
    this.spec = spec;
  }

  @Override
  public List<MetricSpec> metricSpecs() {
    return List.of(spec);
  }

  @Override
  public CompletionStage<ScalerResult> poll(String metricName) {
    return CompletableFuture.failedFuture(
        new UnsupportedOperationException(
            spec.metricName()
                + " is a resource metric served to the HPA by the metrics server; it has no"
                + " external value to poll and no activity"));
  }

  @Override
  public void close() {
    // holds no client
  }

  @Override
  public String toString() {
    return "ResourceScaler[" + spec + "]";
  }
}
