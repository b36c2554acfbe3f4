package dev.keda4j.controller.scaledobject;

import dev.keda4j.adapter.MetricsSource;
import dev.keda4j.controller.scaling.ScalerCache;
import dev.keda4j.controller.scaling.TriggerScaler;
import dev.keda4j.scalers.spi.MetricSpec;
import dev.keda4j.scalers.spi.MetricValue;
import dev.keda4j.scalers.spi.Scaler;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The external metrics API's values, read from the scalers the ScaledObject controller built into
 * the shared {@link ScalerCache} (KEDA's operator-side {@code GetScaledObjectMetrics}). The metric
 * name matches case-insensitively. Never blocks; a failed or missing read completes exceptionally —
 * never as a zero. Reads go through {@link MetricReads}: concurrent identical reads cost one poll,
 * {@code useCachedMetrics} triggers are served from the scale loop's record while it is fresh, and
 * a trigger past {@code fallback.failureThreshold} answers the fallback value.
 */
public final class CachedMetricsSource implements MetricsSource {
  private final ScalerCache cache;
  private final MetricReads reads;
  private final Duration timeout;

  /**
   * @param timeout the longest one read may take before it fails
   */
  public CachedMetricsSource(ScalerCache cache, Duration timeout) {
    this.cache = cache;
    this.reads = MetricReads.of(cache);
    this.timeout = timeout;
  }

  @Override
  public CompletionStage<List<MetricValue>> read(
      String namespace, String scaledObjectName, String metricName) {
    String key = "ScaledObject " + namespace + "/" + scaledObjectName;
    List<TriggerScaler> scalers = cache.current(key);
    if (scalers.isEmpty()) {
      return failed(
          "error getting scalers for ScaledObject "
              + namespace
              + "/"
              + scaledObjectName
              + ": not reconciled by this operator");
    }
    String wanted = metricName.toLowerCase(Locale.ROOT);
    for (TriggerScaler ts : scalers) {
      if (ts.scaler().isEmpty()) {
        continue;
      }
      Scaler scaler = ts.scaler().get();
      for (MetricSpec spec : scaler.metricSpecs()) {
        if (spec.sourceType() == MetricSpec.SourceType.EXTERNAL
            && spec.metricName().toLowerCase(Locale.ROOT).equals(wanted)) {
          return reads
              .readForApi(key, ts, spec, timeout)
              .handle(
                  (r, e) ->
                      e == null && r.error() == null
                          ? CompletableFuture.completedFuture(r.values())
                          : CachedMetricsSource.<List<MetricValue>>failed(
                              "error when getting metric values metric:"
                                  + metricName
                                  + " encountered error"))
              .thenCompose(f -> f);
        }
      }
    }
    boolean buildFailed = scalers.stream().anyMatch(s -> s.error().isPresent());
    return failed(
        buildFailed
            ? "error getting scalers for ScaledObject "
                + namespace
                + "/"
                + scaledObjectName
                + ": a trigger's scaler could not be built"
            : "no metric " + metricName + " in ScaledObject " + namespace + "/" + scaledObjectName);
  }

  private static <T> CompletableFuture<T> failed(String message) {
    return CompletableFuture.failedFuture(new IllegalStateException(message));
  }
}
