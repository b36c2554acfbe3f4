package dev.keda4j.controller.scaledobject.fallback;

import dev.keda4j.api.v1alpha1.Condition;
import dev.keda4j.api.v1alpha1.Fallback;
import dev.keda4j.api.v1alpha1.HealthStatus;
import dev.keda4j.api.v1alpha1.KedaValidation;
import dev.keda4j.api.v1alpha1.ScaledObjectSpec;
import dev.keda4j.controller.scaledobject.status.ScaledObjectReasons;
import dev.keda4j.scalers.spi.MetricTargetType;
import dev.keda4j.scalers.spi.MetricValue;
import dev.keda4j.scalers.spi.Quantity;
import java.util.List;
import java.util.Map;

/** KEDA's {@code pkg/fallback} (scaledobject.md §9) as pure functions. */
public final class FallbackPolicy {
  public static final String HAPPY = "Happy";
  public static final String FAILING = "Failing";
  public static final String COMPOSITE_METRIC = "composite-metric";

  private FallbackPolicy() {}

  /** {@code HasValidFallback}: a scalingModifiers target must be a positive integer. */
  public static boolean isEnabled(ScaledObjectSpec spec) {
    Fallback fb = spec.getFallback();
    if (fb == null) {
      return false;
    }
    boolean modifiersOk = true;
    if (KedaValidation.isUsingModifiers(spec)) {
      try {
        modifiersOk = Long.parseLong(spec.getAdvanced().getScalingModifiers().getTarget()) > 0;
      } catch (NumberFormatException e) {
        modifiersOk = false;
      }
    }
    return value(fb.getFailureThreshold()) >= 0 && value(fb.getReplicas()) >= 0 && modifiersOk;
  }

  /** Fallback condition over the whole health map. */
  public static Condition condition(ScaledObjectSpec spec, Map<String, HealthStatus> health) {
    if (!isEnabled(spec) || health == null) {
      return ScaledObjectReasons.noFallback();
    }
    int threshold = value(spec.getFallback().getFailureThreshold());
    for (HealthStatus h : health.values()) {
      if (FAILING.equals(h.getStatus()) && value(h.getNumberOfFailures()) > threshold) {
        return ScaledObjectReasons.fallbackExists();
      }
    }
    return ScaledObjectReasons.noFallback();
  }

  /**
   * The outcome of one external metric read with fallback applied.
   *
   * @param spec the ScaledObject spec
   * @param read what was read for the metric
   * @return new health (null ⇒ leave status.health alone) and what to hand back to the caller
   */
  public static FallbackOutcome apply(ScaledObjectSpec spec, MetricRead read) {
    boolean enabled = isEnabled(spec);
    if (read.error() == null) {
      HealthStatus h = enabled ? new HealthStatus().numberOfFailures(0).status(HAPPY) : null;
      return new FallbackOutcome(h, read.values(), false, null);
    }
    if (!enabled) {
      return new FallbackOutcome(null, List.of(), false, read.error());
    }
    int failures = read.previous() == null ? 0 : value(read.previous().getNumberOfFailures());
    HealthStatus h = new HealthStatus().numberOfFailures(failures + 1).status(FAILING);
    Fallback fb = spec.getFallback();
    if (failures + 1 <= value(fb.getFailureThreshold())) {
      return new FallbackOutcome(h, List.of(), false, read.error());
    }
    if ("scalingModifiers".equals(fb.getBehavior())) {
      // The formula sees this trigger as nil via health, so `trigger ?? default` applies.
      return new FallbackOutcome(
          h, List.of(new MetricValue(read.metricName(), Quantity.ofMilli(-1000))), false, null);
    }
    Integer current = read.currentReplicas();
    int replicas = value(fb.getReplicas());
    String behavior = fb.getBehavior() == null ? "static" : fb.getBehavior();
    if (!"static".equals(behavior) && current == null) {
      return new FallbackOutcome(h, List.of(), false, read.error());
    }
    double target;
    String name = read.metricName();
    boolean isValue = read.targetType() == MetricTargetType.VALUE;
    if (KedaValidation.isUsingModifiers(spec)) {
      target = Double.parseDouble(spec.getAdvanced().getScalingModifiers().getTarget());
      name = COMPOSITE_METRIC;
      isValue = "Value".equals(spec.getAdvanced().getScalingModifiers().getMetricType());
    } else {
      target = read.target() == null ? 0 : read.target().doubleValue();
    }
    int effective = replicas(behavior, replicas, current == null ? 0 : current);
    long milli = (long) (target * 1000) * effective;
    if (isValue) {
      // A Value target is not divided by pods by the HPA, so spread the replicas over ready pods.
      if (read.readyPods() == null || read.readyPods() <= 0) {
        return new FallbackOutcome(h, List.of(), false, "error performing fallback");
      }
      milli = (long) (target * 1000 * effective / read.readyPods());
    }
    return new FallbackOutcome(
        h, List.of(new MetricValue(name, Quantity.ofMilli(milli))), true, null);
  }

  static int replicas(String behavior, int fallbackReplicas, int current) {
    switch (behavior) {
      case "currentReplicas":
        return current;
      case "currentReplicasIfHigher":
        return Math.max(current, fallbackReplicas);
      case "currentReplicasIfLower":
        return Math.min(current, fallbackReplicas);
      default:
        return fallbackReplicas;
    }
  }

  private static int value(Integer i) {
    return i == null ? 0 : i;
  }
}
