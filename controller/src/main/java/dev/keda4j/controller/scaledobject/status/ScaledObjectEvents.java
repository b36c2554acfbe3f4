package dev.keda4j.controller.scaledobject.status;

import java.util.List;

/**
 * Every event reason and message of the ScaledObject controller and scale loop (operations.md §4).
 */
public final class ScaledObjectEvents {
  private ScaledObjectEvents() {}

  public static SoEvent ready() {
    return SoEvent.normal("ScaledObjectReady", "ScaledObject is ready for scaling");
  }

  public static SoEvent checkFailed(String message) {
    return SoEvent.warning("ScaledObjectCheckFailed", message);
  }

  public static SoEvent targetMissing() {
    return checkFailed("Target resource doesn't exist");
  }

  public static SoEvent targetNotScalable() {
    return checkFailed("Target resource doesn't expose /scale subresource");
  }

  public static SoEvent paused() {
    return SoEvent.normal("ScaledObjectPaused", "ScaledObject is paused");
  }

  public static SoEvent unpaused() {
    return SoEvent.normal("ScaledObjectUnpaused", "pause annotation removed for ScaledObject");
  }

  public static SoEvent fallbackActivated() {
    return SoEvent.normal("ScaledObjectFallbackActivated", "ScaledObject fallback is active");
  }

  public static SoEvent fallbackDeactivated() {
    return SoEvent.normal(
        "ScaledObjectFallbackDeactivated", "ScaledObject fallback is no longer active");
  }

  public static SoEvent scalersStarted() {
    return SoEvent.normal("KEDAScalersStarted", "Started scalers watch");
  }

  public static SoEvent scalersStopped() {
    return SoEvent.normal("KEDAScalersStopped", "Stopped scalers watch");
  }

  public static SoEvent deleted() {
    return SoEvent.warning("ScaledObjectDeleted", "ScaledObject was deleted");
  }

  /** Activation from zero/idle; {@code forced} replaces the trigger list with the annotation. */
  public static SoEvent activated(
      ScaleTargetRefText target, int from, int to, List<String> activeTriggers, boolean forced) {
    String cause =
        forced
            ? "caused by forced activation annotation"
            : "triggered by " + String.join(";", activeTriggers);
    return SoEvent.normal(
        "KEDAScaleTargetActivated",
        "Scaled " + target.text() + " from " + from + " to " + to + ", " + cause);
  }

  public static SoEvent activationFailed(ScaleTargetRefText target, int from, int to) {
    return SoEvent.warning(
        "KEDAScaleTargetActivationFailed",
        "Failed to scale " + target.text() + " from " + from + " to " + to);
  }

  public static SoEvent deactivated(ScaleTargetRefText target, int from, int to) {
    return SoEvent.normal(
        "KEDAScaleTargetDeactivated",
        "Deactivated " + target.text() + " from " + from + " to " + to);
  }

  public static SoEvent deactivationFailed(ScaleTargetRefText target, int from, int to) {
    return SoEvent.warning(
        "KEDAScaleTargetDeactivationFailed",
        "Failed to deactivate " + target.text() + " from " + from + " to " + to);
  }

  /**
   * How events name the target: {@code <status.scaleTargetKind> <ns>/<target>}; an empty kind
   * leaves KEDA's double space.
   */
  public record ScaleTargetRefText(String kind, String namespace, String name) {
    String text() {
      return (kind == null ? "" : kind) + " " + namespace + "/" + name;
    }
  }
}
