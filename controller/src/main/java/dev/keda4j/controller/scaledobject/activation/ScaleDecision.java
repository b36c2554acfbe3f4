package dev.keda4j.controller.scaledobject.activation;

import dev.keda4j.api.v1alpha1.Condition;
import dev.keda4j.controller.scaledobject.status.SoEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one poll of a ScaledObject decided.
 *
 * @param conditions conditions to set, in order (KEDA's replace-or-append)
 * @param scale the {@code /scale} write to perform, if any
 * @param lastActiveTime new {@code status.lastActiveTime} to write now, null to keep it
 * @param triggersActivity the new {@code status.triggersActivity} (metric name → active)
 */
public record ScaleDecision(
    List<Condition> conditions,
    Optional<ScaleCommand> scale,
    Instant lastActiveTime,
    Map<String, Boolean> triggersActivity) {
  public ScaleDecision {
    conditions = List.copyOf(conditions);
    triggersActivity = Map.copyOf(triggersActivity);
  }

  /**
   * Set the target's replicas.
   *
   * @param from replicas observed
   * @param to replicas to set
   * @param onSuccess event after a successful write, null for none
   * @param onFailure event after a failed write, null for none
   * @param lastActiveTimeOnSuccess write this lastActiveTime after a successful write, else null
   */
  public record ScaleCommand(
      int from, int to, SoEvent onSuccess, SoEvent onFailure, Instant lastActiveTimeOnSuccess) {}
}
