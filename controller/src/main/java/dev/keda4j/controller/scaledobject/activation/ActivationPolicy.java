package dev.keda4j.controller.scaledobject.activation;

import dev.keda4j.api.v1alpha1.Condition;
import dev.keda4j.controller.scaledobject.activation.ScaleDecision.ScaleCommand;
import dev.keda4j.controller.scaledobject.activation.ScaleInput.ReplicaSpec;
import dev.keda4j.controller.scaledobject.status.ScaledObjectEvents;
import dev.keda4j.controller.scaledobject.status.ScaledObjectEvents.ScaleTargetRefText;
import dev.keda4j.controller.scaledobject.status.ScaledObjectReasons;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * KEDA's {@code RequestScale} for ScaledObjects (scaledobject.md §6) as a pure function: activation
 * from zero/idle, cooldown, deactivation to zero/idle, the error rules and the pause annotations.
 *
 * <p>Between min and max the HPA decides; this policy only moves the target across the 0/idle ↔ min
 * boundary. A trigger error never leads to scaling to zero unless a fallback with zero replicas was
 * configured, exactly as KEDA does.
 */
public final class ActivationPolicy {
  private ActivationPolicy() {}

  public static ScaleDecision decide(ScaleInput in, Instant now) {
    List<Condition> conditions = new ArrayList<>();
    conditions.add(ScaledObjectReasons.ready());
    PollSummary poll = in.poll();
    Map<String, Boolean> activity = new LinkedHashMap<>();
    for (String name : in.externalMetricNames()) {
      activity.put(name, poll.activeTriggers().contains(name));
    }

    if (in.currentReplicas().failed()) {
      return new ScaleDecision(
          List.of(ScaledObjectReasons.errorGettingCurrentReplicas(in.currentReplicas().error())),
          Optional.empty(),
          null,
          activity);
    }
    if (in.annotations().fullyPaused()) {
      conditions.add(ScaledObjectReasons.paused());
      return new ScaleDecision(conditions, Optional.empty(), null, activity);
    }

    boolean forced = in.annotations().forceActivation();
    if (poll.active() || forced) {
      return active(in, now, conditions, activity, forced && !poll.active());
    }
    return inactive(in, now, conditions, activity);
  }

  private static ScaleDecision active(
      ScaleInput in,
      Instant now,
      List<Condition> conditions,
      Map<String, Boolean> activity,
      boolean onlyForced) {
    conditions.add(ScaledObjectReasons.active(onlyForced));
    ReplicaSpec spec = in.spec();
    int current = in.currentReplicas().replicas();
    int min = spec.min();
    if ((spec.idleReplicaCount() != null && current < min) || current == 0) {
      if (in.annotations().pausedScaleOut()) {
        return new ScaleDecision(conditions, Optional.empty(), null, activity);
      }
      int to = min > 0 ? min : 1;
      ScaleTargetRefText target = targetText(in);
      ScaleCommand cmd =
          new ScaleCommand(
              current,
              to,
              ScaledObjectEvents.activated(
                  target, current, to, in.poll().activeTriggers(), onlyForced),
              ScaledObjectEvents.activationFailed(target, current, to),
              now);
      return new ScaleDecision(conditions, Optional.of(cmd), null, activity);
    }
    if (in.poll().error()) {
      conditions.add(ScaledObjectReasons.partialTriggerError());
      return new ScaleDecision(conditions, Optional.empty(), null, activity);
    }
    return new ScaleDecision(conditions, Optional.empty(), now, activity);
  }

  private static ScaleDecision inactive(
      ScaleInput in, Instant now, List<Condition> conditions, Map<String, Boolean> activity) {
    conditions.add(ScaledObjectReasons.notActive());
    ReplicaSpec spec = in.spec();
    Integer idle = spec.idleReplicaCount();
    int current = in.currentReplicas().replicas();
    int min = spec.min();
    boolean error = in.poll().error();
    Integer fallbackReplicas = spec.fallbackReplicas();
    if (error && fallbackReplicas != null && fallbackReplicas != 0) {
      // The HPA receives the fallback value from the adapter and holds the fallback replicas.
      return new ScaleDecision(conditions, Optional.empty(), null, activity);
    }
    if (error && fallbackReplicas == null) {
      conditions.add(ScaledObjectReasons.triggerError());
      return new ScaleDecision(conditions, Optional.empty(), null, activity);
    }
    if ((idle != null && current > idle) || (current > 0 && min == 0)) {
      if (in.annotations().pausedScaleIn()) {
        return new ScaleDecision(conditions, Optional.empty(), null, activity);
      }
      if (!cooledDown(in, now)) {
        conditions.add(ScaledObjectReasons.cooldown());
        return new ScaleDecision(conditions, Optional.empty(), null, activity);
      }
      int to = idle != null ? idle : min;
      ScaleTargetRefText target = targetText(in);
      ScaleCommand cmd =
          new ScaleCommand(
              current,
              to,
              ScaledObjectEvents.deactivated(target, current, to),
              ScaledObjectEvents.deactivationFailed(target, current, to),
              null);
      return new ScaleDecision(conditions, Optional.of(cmd), null, activity);
    }
    if (idle == null && current < min) {
      return new ScaleDecision(
          conditions,
          Optional.of(new ScaleCommand(current, min, null, null, null)),
          null,
          activity);
    }
    return new ScaleDecision(conditions, Optional.empty(), null, activity);
  }

  /** Strictly past cooldownPeriod since lastActiveTime, or initialCooldownPeriod since creation. */
  static boolean cooledDown(ScaleInput in, Instant now) {
    if (in.lastActiveTime() == null) {
      Instant created = in.creationTimestamp() == null ? Instant.EPOCH : in.creationTimestamp();
      return created.plusSeconds(in.spec().initialCooldownSeconds()).isBefore(now);
    }
    return in.lastActiveTime().plusSeconds(in.spec().cooldownSeconds()).isBefore(now);
  }

  private static ScaleTargetRefText targetText(ScaleInput in) {
    return new ScaleTargetRefText(
        in.target().scaleTargetKind(), in.target().namespace(), in.target().name());
  }
}
