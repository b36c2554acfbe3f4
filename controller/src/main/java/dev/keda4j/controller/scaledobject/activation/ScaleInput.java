package dev.keda4j.controller.scaledobject.activation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything {@link ActivationPolicy} needs for one poll of a ScaledObject, already read.
 *
 * @param spec the replica settings of the spec
 * @param annotations the parsed annotations
 * @param target how events name the target ({@code status.scaleTargetKind}, namespace, name)
 * @param currentReplicas the target's replicas, or the read error
 * @param lastActiveTime {@code status.lastActiveTime}, null if never active
 * @param creationTimestamp {@code metadata.creationTimestamp}; null reads as long ago
 * @param poll the outcome of querying every trigger
 * @param externalMetricNames {@code status.externalMetricNames}, the keys of triggersActivity
 */
public record ScaleInput(
    ReplicaSpec spec,
    Annotations annotations,
    TargetRef target,
    CurrentReplicas currentReplicas,
    Instant lastActiveTime,
    Instant creationTimestamp,
    PollSummary poll,
    List<String> externalMetricNames) {
  public ScaleInput {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(annotations, "annotations");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(currentReplicas, "currentReplicas");
    Objects.requireNonNull(poll, "poll");
    externalMetricNames =
        externalMetricNames == null ? List.of() : List.copyOf(externalMetricNames);
  }

  /**
   * The replica settings of a ScaledObject spec.
   *
   * @param minReplicaCount null ⇒ 0
   * @param idleReplicaCount null ⇒ unset
   * @param cooldownPeriod seconds, null ⇒ 300
   * @param initialCooldownPeriod seconds, null ⇒ 0
   * @param fallbackReplicas {@code spec.fallback.replicas}, null when no fallback is configured
   */
  public record ReplicaSpec(
      Integer minReplicaCount,
      Integer idleReplicaCount,
      Integer cooldownPeriod,
      Integer initialCooldownPeriod,
      Integer fallbackReplicas) {
    public int min() {
      return minReplicaCount == null ? 0 : minReplicaCount;
    }

    public long cooldownSeconds() {
      return cooldownPeriod == null ? 300 : cooldownPeriod;
    }

    public long initialCooldownSeconds() {
      return initialCooldownPeriod == null ? 0 : initialCooldownPeriod;
    }
  }

  /** How events name the target. */
  public record TargetRef(String scaleTargetKind, String namespace, String name) {}

  /**
   * The target's current replicas, or why they could not be read.
   *
   * @param replicas the count when read
   * @param error the read error, null on success
   */
  public record CurrentReplicas(int replicas, String error) {
    public static CurrentReplicas of(int replicas) {
      return new CurrentReplicas(replicas, null);
    }

    public static CurrentReplicas failed(String error) {
      return new CurrentReplicas(0, Objects.requireNonNull(error, "error"));
    }

    public boolean failed() {
      return error != null;
    }
  }
}
