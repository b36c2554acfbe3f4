package dev.keda4j.controller.scaledobject.activation;

import java.util.ArrayList;
import java.util.List;

/**
 * KEDA's {@code getScaledObjectState} folded over the trigger readings of one poll.
 *
 * @param active whether the ScaledObject counts as active
 * @param error whether any trigger failed
 * @param activeTriggers external metric names of the active triggers, in trigger order
 * @param fallbackActive whether any trigger is served by fallback
 */
public record PollSummary(
    boolean active, boolean error, List<String> activeTriggers, boolean fallbackActive) {
  public PollSummary {
    activeTriggers = List.copyOf(activeTriggers);
  }

  /**
   * One trigger's outcome in a poll.
   *
   * @param type trigger type ({@code cpu}/{@code memory} never make the object active)
   * @param metricNames the trigger's external metric names
   * @param active scaler activity (ignored on error)
   * @param fallbackActive the value came from fallback (counts as active)
   * @param error the read error, null on success
   */
  public record TriggerReading(
      String type, List<String> metricNames, boolean active, boolean fallbackActive, String error) {
    public TriggerReading {
      metricNames = metricNames == null ? List.of() : List.copyOf(metricNames);
    }

    boolean isResourceTrigger() {
      return "cpu".equals(type) || "memory".equals(type);
    }
  }

  /**
   * Folds readings without scalingModifiers.
   *
   * <p>Only cpu/memory triggers and no error ⇒ active, so such an object is never scaled to zero.
   */
  public static PollSummary of(List<TriggerReading> readings) {
    return fold(readings, null);
  }

  /**
   * Folds readings of an object with scalingModifiers: activity is {@code composite >
   * activationTarget} instead of the triggers' own, and false on any error.
   *
   * @param compositeAboveActivation the formula result compared to activationTarget
   */
  public static PollSummary withModifiers(
      List<TriggerReading> readings, boolean compositeAboveActivation) {
    return fold(readings, compositeAboveActivation);
  }

  private static PollSummary fold(List<TriggerReading> readings, Boolean composite) {
    boolean active = false;
    boolean error = false;
    boolean fallback = false;
    boolean onlyResources = !readings.isEmpty();
    List<String> activeTriggers = new ArrayList<>();
    for (TriggerReading r : readings) {
      if (r.isResourceTrigger()) {
        continue;
      }
      onlyResources = false;
      if (r.error() != null) {
        error = true;
        continue;
      }
      fallback |= r.fallbackActive();
      if (r.active() || r.fallbackActive()) {
        active = true;
        activeTriggers.addAll(r.metricNames());
      }
    }
    if (composite != null) {
      active = composite && !error;
    }
    if (onlyResources && !error) {
      active = true;
    }
    return new PollSummary(active, error, activeTriggers, fallback);
  }
}
