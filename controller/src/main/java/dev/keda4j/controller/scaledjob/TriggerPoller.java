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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every trigger of a ScaledJob, sequentially (scaledjob.md §2.1). A failed read is retried
 * once on the trigger's rebuilt scaler; a read of an object whose scalers were removed meanwhile
 * (deleted ScaledJob) is a failure that ends the poll.
 *
 * <p>Every {@code keda_*} recording goes through {@link ScalerCache#metricsWhileHeld}: a read that
 * succeeds or fails after the ScaledJob was forgotten records no series for it (the removal lands
 * wholly before or after a recording, and {@code ScaledJobReconciler.forget} drops the series after
 * the removal), so nothing of a deleted ScaledJob is recorded again.
 */
public final class TriggerPoller {
  private static final Logger LOG = LoggerFactory.getLogger(TriggerPoller.class);

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
    KedaMetrics recorded = cache.metricsWhileHeld(objectKey, metricsPort);
    List<String> buildErrors = new ArrayList<>();
    for (TriggerScaler s : scalers) {
      if (s.error().isPresent()) {
        buildErrors.add(s.error().get());
        recorded.scalerError(trigger(namespace, name, s, ""));
        recorded.objectError(ResourceType.SCALED_JOB, namespace, name);
      }
    }
    if (!buildErrors.isEmpty()) {
      return new TriggerReadings(List.of(), buildErrors, Map.of());
    }
    List<TriggerMetric> metrics = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    Map<String, Boolean> activity = new LinkedHashMap<>();
    for (TriggerScaler ts : scalers) {
      // the scaler the trigger's next spec is read from: its rebuild once a read rebuilt it
      TriggerScaler current = ts;
      List<MetricSpec> specs = ts.scaler().orElseThrow().metricSpecs();
      boolean active = false;
      for (MetricSpec spec : specs) {
        if (spec.sourceType() != MetricSpec.SourceType.EXTERNAL) {
          continue;
        }
        if (!cache.holds(objectKey)) {
          // removed after an earlier read of this poll succeeded: the rest is not read
          errors.add("scalers of " + objectKey + " were removed while polling");
          LOG.info("{}: scalers removed while polling, poll stopped", objectKey);
          return new TriggerReadings(metrics, errors, activity);
        }
        KedaMetrics.Trigger trigger = trigger(namespace, name, ts, spec.metricName());
        long start = System.nanoTime();
        try {
          Read read = readWithOneRebuild(objectKey, current, spec.metricName());
          current = read.from();
          ScalerResult r = read.result();
          Duration latency = Duration.ofNanos(System.nanoTime() - start);
          TriggerMetric m = TriggerMetrics.of(specs, r, active, maxReplicaCount);
          active = m.active();
          metrics.add(m);
          activity.put(spec.metricName(), r.active());
          recorded.scalerRead(trigger, valueOf(r, spec.metricName()), r.active(), latency);
        } catch (ReadFailure e) {
          errors.add(e.getMessage());
          if (!cache.holds(objectKey)) {
            // removed (the ScaledJob deleted) while this poll ran: the read failed, the other
            // triggers are not read and no series of the forgotten object is recorded again
            LOG.info("{}: scalers removed while polling, poll stopped", objectKey);
            return new TriggerReadings(metrics, errors, activity);
          }
          if (e.latest() != null) {
            current = e.latest();
          }
          recorded.scalerError(trigger);
          recorded.objectError(ResourceType.SCALED_JOB, namespace, name);
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

  /**
   * Reads {@code metric} from {@code ts}; when that fails, once more from the trigger's rebuilt
   * scaler ({@link ScalerCache#rebuildIfCurrent}: rebuilt unless someone replaced it meanwhile, as
   * {@link dev.keda4j.controller.scaling.RebuildRule} has it for loops). A trigger no longer held
   * (its object removed) answers a failure, never a reading.
   */
  private Read readWithOneRebuild(String objectKey, TriggerScaler ts, String metric)
      throws ReadFailure {
    try {
      return new Read(ts, read(ts.scaler().orElseThrow(), metric));
    } catch (ReadFailure first) {
      TriggerScaler fresh = cache.rebuildIfCurrent(objectKey, ts);
      if (fresh.scaler().isEmpty()) {
        throw new ReadFailure(fresh.error().orElse(first.getMessage()), ts);
      }
      try {
        return new Read(fresh, read(fresh.scaler().get(), metric));
      } catch (ReadFailure second) {
        throw new ReadFailure(second.getMessage(), fresh);
      }
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

  /** A successful read and the scaler it came from. */
  private record Read(TriggerScaler from, ScalerResult result) {}

  private static final class ReadFailure extends Exception {
    private static final long serialVersionUID = 1L;

    // the scaler the trigger's next read starts from (null: the one that failed)
    private final transient TriggerScaler latest;

    ReadFailure(String message) {
      this(message, null);
    }

    ReadFailure(String message, TriggerScaler latest) {
      super(message);
      this.latest = latest;
    }

    TriggerScaler latest() {
      return latest;
    }
  }
}
