package dev.keda4j.adapter.testing;

import dev.keda4j.adapter.MetricsSource;
import dev.keda4j.scalers.spi.MetricValue;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A MetricsSource holding values per {@code ns/so/metric}; metric {@code s0-hang} never answers and
 * {@code s0-boom} fails like the operator does for a scaler error without fallback.
 */
public final class TestSources implements MetricsSource {
  private final Map<String, List<MetricValue>> values = new ConcurrentHashMap<>();

  public TestSources put(String ns, String so, MetricValue... v) {
    values.put(ns + "/" + so + "/" + v[0].metricName(), List.of(v));
    return this;
  }

  @Override
  public CompletionStage<List<MetricValue>> read(String namespace, String so, String metric) {
    if (metric.equals("s0-hang")) {
      return new CompletableFuture<>();
    }
    if (metric.equals("s0-boom")) {
      return CompletableFuture.failedFuture(
          new IllegalStateException(
              "error when getting metric values metric:" + metric + " encountered error"));
    }
    List<MetricValue> v = values.get(namespace + "/" + so + "/" + metric);
    if (v == null) {
      return CompletableFuture.failedFuture(
          new IllegalStateException(
              "error when getting metric values scaledobjects.keda.sh \"" + so + "\" not found"));
    }
    return CompletableFuture.completedFuture(v);
  }
}
