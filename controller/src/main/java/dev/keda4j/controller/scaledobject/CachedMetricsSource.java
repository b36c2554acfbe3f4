package dev.keda4j.controller.scaledobject;

import dev.keda4j.adapter.MetricsSource;
import dev.keda4j.api.v1alpha1.KedaValidation;
import dev.keda4j.api.v1alpha1.ScaledObject;
import dev.keda4j.controller.scaledobject.modifiers.CompositeMetric;
import dev.keda4j.controller.scaling.ScalerCache;
import dev.keda4j.controller.scaling.TriggerScaler;
import dev.keda4j.scalers.spi.MetricSpec;
import dev.keda4j.scalers.spi.MetricValue;
import dev.keda4j.scalers.spi.Scaler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The external metrics API's values, read from the scalers the ScaledObject controller built into
 * the shared {@link ScalerCache} (KEDA's operator-side {@code GetScaledObjectMetrics}). The metric
 * name matches case-insensitively. Never blocks; a failed or missing read completes exceptionally —
 * never as a zero. Reads go through {@link MetricReads}: concurrent identical reads cost one poll,
 * {@code useCachedMetrics} triggers are served from the scale loop's record while it is fresh, a
 * failed read rebuilds the trigger's scaler and reads again as the scale loop does (at most once
 * per {@code pollingInterval} per trigger, on the reads' own pool), and a trigger past {@code
 * fallback.failureThreshold} answers the fallback value.
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
    ScaledObject so = reads.latest(key);
    if (so != null && so.getSpec() != null && KedaValidation.isUsingModifiers(so.getSpec())) {
      return composite(key, so, scalers, metricName);
    }
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

  /**
   * scalingModifiers: every external metric read, the formula applied ({@code composite-metric}).
   */
  private CompletionStage<List<MetricValue>> composite(
      String key, ScaledObject so, List<TriggerScaler> scalers, String metricName) {
    if (scalers.stream().anyMatch(s -> s.scaler().isEmpty())) {
      return failed("error getting scalers for " + key + ": a trigger's scaler could not be built");
    }
    List<CompletableFuture<CompositeMetric.Input>> inputs = new ArrayList<>();
    for (TriggerScaler ts : scalers) {
      List<CompletableFuture<MetricReads.Reading>> trigger = new ArrayList<>();
      for (MetricSpec spec : ts.scaler().get().metricSpecs()) {
        if (spec.sourceType() == MetricSpec.SourceType.EXTERNAL) {
          trigger.add(reads.readForApi(key, ts, spec, timeout));
        }
      }
      if (!trigger.isEmpty()) {
        inputs.add(
            CompletableFuture.allOf(trigger.toArray(CompletableFuture[]::new))
                .thenApply(
                    v ->
                        reads.compositeInput(
                            key,
                            so.getSpec(),
                            ts,
                            trigger.stream().map(CompletableFuture::join).toList())));
      }
    }
    return CompletableFuture.allOf(inputs.toArray(CompletableFuture[]::new))
        .thenCompose(
            v -> {
              CompositeMetric.Result r =
                  CompositeMetric.evaluate(
                      so.getSpec(), inputs.stream().map(CompletableFuture::join).toList());
              return r.error() == null
                  ? CompletableFuture.completedFuture(List.of(r.value()))
                  : CachedMetricsSource.<List<MetricValue>>failed(
                      "error when getting metric values metric:"
                          + metricName
                          + " encountered error");
            });
  }

  private static <T> CompletableFuture<T> failed(String message) {
    return CompletableFuture.failedFuture(new IllegalStateException(message));
  }
}
