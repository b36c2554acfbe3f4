package dev.keda4j.controller.metrics;

import java.time.Duration;
import java.util.Objects;

/**
 * The operator's Prometheus metrics under KEDA's names ({@code keda_*}, spec/operations.md §5). The
 * loops call this port; the Micrometer implementation lives beside it, so decisions and tests need
 * no registry. Implementations never throw and never take a secret: labels are object names,
 * trigger types and metric names only.
 */
public interface KedaMetrics {

  /** {@code type} label of the per-trigger series. */
  enum ResourceType {
    SCALED_OBJECT("scaledobject"),
    SCALED_JOB("scaledjob");

    private final String label;

    ResourceType(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /**
   * Identifies one trigger metric of one ScaledObject or ScaledJob.
   *
   * @param triggerName the trigger's {@code name}, or null; the {@code scaler} label falls back to
   *     KEDA's Go scaler type name derived from {@code triggerType}
   */
  record Trigger(
      ResourceType type,
      String namespace,
      String resource,
      int triggerIndex,
      String triggerType,
      String triggerName,
      String metricName) {
    public Trigger {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(namespace, "namespace");
      Objects.requireNonNull(resource, "resource");
      Objects.requireNonNull(triggerType, "triggerType");
      Objects.requireNonNull(metricName, "metricName");
    }
  }

  /** A successful read: value, activity and how long the fetch took. */
  void scalerRead(Trigger trigger, double value, boolean active, Duration latency);

  /** A failed read or build of one trigger ({@code keda_scaler_detail_errors_total}). */
  void scalerError(Trigger trigger);

  /** {@code keda_scaled_object_errors_total} / {@code keda_scaled_job_errors_total}. */
  void objectError(ResourceType type, String namespace, String name);

  /** {@code keda_scaled_object_paused}. */
  void paused(String namespace, String scaledObject, boolean paused);

  /** {@code keda_internal_scale_loop_latency_seconds}: how late an iteration started. */
  void scaleLoopLatency(ResourceType type, String namespace, String name, Duration lateness);

  /** Drops every per-object series of the object (on each reconcile and on deletion, as KEDA). */
  void forget(ResourceType type, String namespace, String name);

  /**
   * The object is gone: drops its per-trigger series ({@link #forget}) and also its error counter,
   * paused gauge and scale-loop latency.
   */
  default void deleted(ResourceType type, String namespace, String name) {
    forget(type, namespace, name);
  }

  /** Records nothing: for tests and for callers that were given no registry. */
  KedaMetrics NOOP =
      new KedaMetrics() {
        @Override
        public void scalerRead(Trigger trigger, double value, boolean active, Duration latency) {}

        @Override
        public void scalerError(Trigger trigger) {}

        @Override
        public void objectError(ResourceType type, String namespace, String name) {}

        @Override
        public void paused(String namespace, String scaledObject, boolean paused) {}

        @Override
        public void scaleLoopLatency(
            ResourceType type, String namespace, String name, Duration lateness) {}

        @Override
        public void forget(ResourceType type, String namespace, String name) {}
      };
}
