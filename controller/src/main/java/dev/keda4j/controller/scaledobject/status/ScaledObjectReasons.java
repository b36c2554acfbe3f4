package dev.keda4j.controller.scaledobject.status;

import dev.keda4j.api.v1alpha1.Condition;
import java.util.List;

/**
 * Every condition (type, status, reason, message) a ScaledObject can carry, exactly as KEDA writes
 * them (crds.md §2.4), so reasons and user-facing texts live in one place.
 */
public final class ScaledObjectReasons {
  public static final String READY = "Ready";
  public static final String ACTIVE = "Active";
  public static final String FALLBACK = "Fallback";
  public static final String PAUSED = "Paused";
  public static final String HPA_ACTIVE = "HPAActive";

  public static final String TRUE = "True";
  public static final String FALSE = "False";
  public static final String UNKNOWN = "Unknown";

  public static final String READY_MESSAGE =
      "ScaledObject is defined correctly and is ready for scaling";
  public static final String PAUSED_MESSAGE = "ScaledObject is paused";

  /** Reconcile step messages that prefix an error in Ready=False (scaledobject.md §2). */
  public static final String MSG_BAD_TARGET =
      "ScaledObject doesn't have correct scaleTargetRef specification";

  public static final String MSG_BAD_REPLICA_COUNTS =
      "ScaledObject doesn't have correct Idle/Min/Max Replica Counts specification";
  public static final String MSG_BAD_TRIGGERS =
      "ScaledObject doesn't have correct triggers specification";
  public static final String MSG_LABEL_UPDATE_FAILED =
      "failed to update ScaledObject with scaledObjectName label";
  public static final String MSG_HPA_FAILED =
      "failed to ensure HPA is correctly created for ScaledObject";
  public static final String MSG_LOOP_FAILED =
      "failed to start a new scale loop with scaling logic";

  private ScaledObjectReasons() {}

  /** The set written when any of Ready/Active/Fallback/Paused is missing (no reason/message). */
  public static List<Condition> initial() {
    return List.of(
        new Condition().type(READY).status(UNKNOWN),
        new Condition().type(ACTIVE).status(UNKNOWN),
        new Condition().type(FALLBACK).status(UNKNOWN),
        new Condition().type(PAUSED).status(FALSE));
  }

  public static Condition ready(String message) {
    return of(READY, TRUE, "ScaledObjectReady", message);
  }

  public static Condition ready() {
    return ready(READY_MESSAGE);
  }

  /** Ready=False after a failed reconcile step: {@code "<step message>: <error>"}. */
  public static Condition checkFailed(String stepMessage, String error) {
    return of(READY, FALSE, "ScaledObjectCheckFailed", stepMessage + ": " + error);
  }

  public static Condition partialTriggerError() {
    return of(
        READY,
        UNKNOWN,
        "PartialTriggerError",
        "Some triggers defined in ScaledObject are not working correctly");
  }

  public static Condition triggerError() {
    return of(
        READY, FALSE, "TriggerError", "Triggers defined in ScaledObject are not working correctly");
  }

  public static Condition errorGettingCurrentReplicas(String error) {
    return of(
        READY,
        FALSE,
        "ErrorGettingCurrentReplicas",
        "Error getting current replicas count for ScaleTarget: " + error);
  }

  public static Condition active(boolean forced) {
    return of(
        ACTIVE,
        TRUE,
        "ScalerActive",
        forced
            ? "Scaling is performed because activation is being forced by annotation"
            : "Scaling is performed because triggers are active");
  }

  public static Condition notActive() {
    return of(
        ACTIVE,
        FALSE,
        "ScalerNotActive",
        "Scaling is not performed because triggers are not active");
  }

  public static Condition cooldown() {
    return of(
        ACTIVE, FALSE, "ScalerCooldown", "Scaler cooling down because triggers are not active");
  }

  public static Condition activeUnknown() {
    return of(ACTIVE, UNKNOWN, "UnknownState", "ScaledObject check failed");
  }

  public static Condition noFallback() {
    return of(FALLBACK, FALSE, "NoFallbackFound", "No fallbacks are active on this scaled object");
  }

  public static Condition fallbackExists() {
    return of(
        FALLBACK,
        TRUE,
        "FallbackExists",
        "At least one trigger is falling back on this scaled object");
  }

  public static Condition paused() {
    return of(PAUSED, TRUE, "ScaledObjectPaused", PAUSED_MESSAGE);
  }

  public static Condition unpaused() {
    return of(PAUSED, FALSE, "ScaledObjectUnpaused", "pause annotation removed for ScaledObject");
  }

  public static Condition hpaActive() {
    return of(HPA_ACTIVE, TRUE, "HPAActive", "HPA is actively scaling");
  }

  /** The HPA reports ScalingDisabled because the target sits at zero: not a failure. */
  public static Condition hpaScalingDisabled(String hpaMessage) {
    return of(HPA_ACTIVE, TRUE, "ScalingDisabled", hpaMessage);
  }

  public static Condition hpaNotActive(String hpaReason, String hpaMessage) {
    String reason = hpaReason == null || hpaReason.isEmpty() ? "HPAMetricsUnavailable" : hpaReason;
    return of(
        HPA_ACTIVE,
        FALSE,
        reason,
        "HPA is not actively scaling: " + (hpaMessage == null ? "" : hpaMessage));
  }

  private static Condition of(String type, String status, String reason, String message) {
    return new Condition().type(type).status(status).reason(reason).message(message);
  }
}
