package dev.keda4j.controller.scaledjob;

import dev.keda4j.controller.metrics.KedaMetrics;
import dev.keda4j.controller.metrics.KedaMetrics.ResourceType;
import dev.keda4j.controller.scaling.ScalerCache;
import dev.keda4j.controller.scaling.TriggerScaler;
import dev.keda4j.scalers.spi.MetricSpec;
import dev.keda4j.scalers.spi.MetricValue;
import dev.keda4j.scalers.spi.Scaler;
import dev.keda4j.scalers.spi.ScalerResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Reads every trigger of a ScaledJob, sequentially (scaledjob.md §2.1). */
public final class TriggerPoller {
  private final ScalerCache cache;
  private final Duration timeout;

  /**
   * @param timeout the longest one metric read may take before it counts as failed
   */
  public TriggerPoller(ScalerCache cache, Duration timeout) {
    this.cache = cache;
    this.timeout = timeout;
  }

  /**
   * @param scalers the triggers' scalers; when any could not be built, nothing is read (KEDA's
   *     cache build failed as a whole)
   */
  public TriggerReadings poll(String objectKey, List<TriggerScaler> scalers, int maxReplicaCount) {
    return poll(objectKey, scalers, maxReplicaCount, KedaMetrics.NOOP, "", "");
  }

  /**
   * Reads every trigger and records each read in {@code metrics} ({@code keda_scaler_*} with type
   * {@code scaledjob}, {@code keda_scaled_job_errors_total} per failure).
   *
   * @param namespace the ScaledJob's namespace (metric label)
   * @param name the ScaledJob's name (metric label)
   */
  public TriggerReadings poll(
      String objectKey,
      List<TriggerScaler> scalers,
      int maxReplicaCount,
      KedaMetrics metricsPort,
      String namespace,
      String name) {
    List<String> buildErrors = new ArrayList<>();
    for (TriggerScaler s : scalers) {
      if (s.error().isPresent()) {
        buildErrors.add(s.error().get());
        metricsPort.scalerError(trigger(namespace, name, s, ""));
        metricsPort.objectError(ResourceType.SCALED_JOB, namespace, name);
      }
    }
    if (!buildErrors.isEmpty()) {
      return new TriggerReadings(List.of(), buildErrors, Map.of());
    }
    List<TriggerMetric> metrics = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    Map<String, Boolean> activity = new LinkedHashMap<>();
    for (TriggerScaler ts : scalers) {
      Scaler scaler = ts.scaler().orElseThrow();
      List<MetricSpec> specs = scaler.metricSpecs();
      boolean active = false;
      for (MetricSpec spec : specs) {
        if (spec.sourceType() != MetricSpec.SourceType.EXTERNAL) {
          continue;
        }
        KedaMetrics.Trigger trigger = trigger(namespace, name, ts, spec.metricName());
        long start = System.nanoTime();
        try {
          ScalerResult r = readWithOneRebuild(objectKey, ts, scaler, spec.metricName());
          Duration latency = Duration.ofNanos(System.nanoTime() - start);
          TriggerMetric m = TriggerMetrics.of(specs, r, active, maxReplicaCount);
          active = m.active();
          metrics.add(m);
          activity.put(spec.metricName(), r.active());
          metricsPort.scalerRead(trigger, valueOf(r, spec.metricName()), r.active(), latency);
        } catch (ReadFailure e) {
          errors.add(e.getMessage());
          metricsPort.scalerError(trigger);
          metricsPort.objectError(ResourceType.SCALED_JOB, namespace, name);
        }
      }
    }
    return new TriggerReadings(metrics, errors, activity);
  }

  private static KedaMetrics.Trigger trigger(
      String namespace, String name, TriggerScaler ts, String metricName) {
    return new KedaMetrics.Trigger(
        ResourceType.SCALED_JOB,
        namespace,
        name,
        ts.index(),
        ts.triggerType(),
        ts.context().triggerName().isEmpty() ? null : ts.context().triggerName(),
        metricName);
  }

  // the sum of the values the read returned under the spec's metric name
  private static double valueOf(ScalerResult r, String metricName) {
    double sum = 0;
    for (MetricValue v : r.values()) {
      if (v.metricName().equals(metricName)) {
        sum += v.value().doubleValue();
      }
    }
    return sum;
  }

  private ScalerResult readWithOneRebuild(
      String objectKey, TriggerScaler ts, Scaler scaler, String metric) throws ReadFailure {
    try {
      return read(scaler, metric);
    } catch (ReadFailure first) {
      TriggerScaler fresh = cache.rebuild(objectKey, ts.index());
      if (fresh.scaler().isEmpty()) {
        throw new ReadFailure(fresh.error().orElse(first.getMessage()));
      }
      return read(fresh.scaler().get(), metric);
    }
  }

  private ScalerResult read(Scaler scaler, String metric) throws ReadFailure {
    try {
      return scaler
          .poll(metric)
          .toCompletableFuture()
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new ReadFailure("error getting metric " + metric + ": " + cause.getMessage());
    } catch (TimeoutException e) {
      throw new ReadFailure("error getting metric " + metric + ": timed out after " + timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ReadFailure("error getting metric " + metric + ": interrupted");
    } catch (RuntimeException e) {
      throw new ReadFailure("error getting metric " + metric + ": " + e.getMessage());
    }
  }

  private static final class ReadFailure extends Exception {
    private static final long serialVersionUID = 1L;

    ReadFailure(String message) {
      super(message);
    }
  }
}
