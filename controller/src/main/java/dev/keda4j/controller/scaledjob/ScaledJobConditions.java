package dev.keda4j.controller.scaledjob;

import dev.keda4j.api.v1alpha1.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The conditions of a ScaledJob (crds.md §3.4). Pure: every method returns a new list. */
public final class ScaledJobConditions {
  public static final String READY = "Ready";
  public static final String ACTIVE = "Active";
  public static final String FALLBACK = "Fallback";
  public static final String PAUSED = "Paused";
  public static final String TRUE = "True";
  public static final String FALSE = "False";
  public static final String UNKNOWN = "Unknown";

  public static final String REASON_READY = "ScaledJobReady";
  public static final String REASON_CHECK_FAILED = "ScaledJobCheckFailed";
  public static final String REASON_PARTIAL_TRIGGER_ERROR = "PartialTriggerError";
  public static final String REASON_TRIGGER_ERROR = "TriggerError";
  public static final String REASON_ACTIVE = "ScalerActive";
  public static final String REASON_NOT_ACTIVE = "ScalerNotActive";
  public static final String REASON_UNKNOWN = "UnknownState";
  public static final String REASON_PAUSED = "ScaledJobPaused";
  public static final String REASON_UNPAUSED = "ScaledJobUnpaused";

  public static final String MSG_READY_RECONCILE =
      "ScaledJob is defined correctly and is ready to scaling";
  public static final String MSG_READY_LOOP =
      "ScaledJob is defined correctly and is ready for scaling";
  public static final String MSG_PAUSED_RECONCILE = "ScaledJob is paused, skipping reconcile loop";
  public static final String MSG_PARTIAL_TRIGGER_ERROR =
      "Some triggers defined in ScaledJob are not working correctly";
  public static final String MSG_TRIGGER_ERROR =
      "Triggers defined in ScaledJob are not working correctly";
  public static final String MSG_CHECK_FAILED = "ScaledJob check failed";
  public static final String MSG_PAUSED = "ScaledJob is paused";
  public static final String MSG_UNPAUSED = "ScaledJob is unpaused";

  private ScaledJobConditions() {}

  /** KEDA's initial set: Ready/Active/Fallback Unknown, Paused False, no reasons. */
  public static List<Condition> initial() {
    return List.of(
        new Condition().type(READY).status(UNKNOWN),
        new Condition().type(ACTIVE).status(UNKNOWN),
        new Condition().type(FALLBACK).status(UNKNOWN),
        new Condition().type(PAUSED).status(FALSE));
  }

  /** {@code conditions}, or the initial set when there are none. */
  public static List<Condition> orInitial(List<Condition> conditions) {
    return conditions == null || conditions.isEmpty() ? initial() : conditions;
  }

  public static Optional<Condition> get(List<Condition> conditions, String type) {
    if (conditions == null) {
      return Optional.empty();
    }
    return conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  public static boolean isTrue(List<Condition> conditions, String type) {
    return get(conditions, type).map(c -> TRUE.equals(c.getStatus())).orElse(false);
  }

  /** Sets one condition, keeping the others and their order. */
  public static List<Condition> with(
      List<Condition> conditions, String type, String status, String reason, String message) {
    List<Condition> out = new ArrayList<>();
    boolean found = false;
    for (Condition c : orInitial(conditions)) {
      if (type.equals(c.getType())) {
        out.add(new Condition().type(type).status(status).reason(reason).message(message));
        found = true;
      } else {
        out.add(copy(c));
      }
    }
    if (!found) {
      out.add(new Condition().type(type).status(status).reason(reason).message(message));
    }
    return out;
  }

  private static Condition copy(Condition c) {
    return new Condition()
        .type(c.getType())
        .status(c.getStatus())
        .reason(c.getReason())
        .message(c.getMessage());
  }
}
