package dev.keda4j.controller.scaledobject.activation;

import dev.keda4j.api.v1alpha1.ScaledObject;
import dev.keda4j.api.v1alpha1.ScaledObjectSpec;
import dev.keda4j.api.v1alpha1.ScaledObjectStatus;
import dev.keda4j.controller.scaledobject.activation.ScaleInput.CurrentReplicas;
import dev.keda4j.controller.scaledobject.activation.ScaleInput.ReplicaSpec;
import dev.keda4j.controller.scaledobject.activation.ScaleInput.TargetRef;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Builds a {@link ScaleInput} from a ScaledObject read from the cache and what the poll observed.
 */
public final class ScaleInputs {
  private ScaleInputs() {}

  public static ScaleInput from(ScaledObject so, CurrentReplicas current, PollSummary poll) {
    ScaledObjectSpec spec = so.getSpec();
    ScaledObjectStatus status = so.getStatus() == null ? new ScaledObjectStatus() : so.getStatus();
    ReplicaSpec replicas =
        new ReplicaSpec(
            spec.getMinReplicaCount(),
            spec.getIdleReplicaCount(),
            spec.getCooldownPeriod(),
            spec.getInitialCooldownPeriod(),
            spec.getFallback() == null ? null : nullToZero(spec.getFallback().getReplicas()));
    TargetRef target =
        new TargetRef(
            status.getScaleTargetKind(),
            so.getMetadata().getNamespace(),
            spec.getScaleTargetRef() == null ? null : spec.getScaleTargetRef().getName());
    return new ScaleInput(
        replicas,
        Annotations.of(so.getMetadata().getAnnotations()),
        target,
        current,
        instant(status.getLastActiveTime()),
        instant(so.getMetadata().getCreationTimestamp()),
        poll,
        status.getExternalMetricNames());
  }

  private static Integer nullToZero(Integer v) {
    return v == null ? 0 : v;
  }

  private static Instant instant(OffsetDateTime t) {
    return t == null ? null : t.toInstant();
  }
}
