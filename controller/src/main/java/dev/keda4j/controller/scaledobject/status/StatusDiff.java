package dev.keda4j.controller.scaledobject.status;

import dev.keda4j.api.v1alpha1.ScaledObjectStatus;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Which status fields differ between the live and the desired status, so the shell patches only
 * when something changed (and only those fields).
 *
 * @param changedFields JSON field names of {@code status} whose values differ
 */
public record StatusDiff(Set<String> changedFields) {
  public StatusDiff {
    changedFields = Set.copyOf(changedFields);
  }

  public boolean isEmpty() {
    return changedFields.isEmpty();
  }

  /** Compares every field; a null status is an empty one. */
  public static StatusDiff between(ScaledObjectStatus live, ScaledObjectStatus desired) {
    ScaledObjectStatus a = live == null ? new ScaledObjectStatus() : live;
    ScaledObjectStatus b = desired == null ? new ScaledObjectStatus() : desired;
    Set<String> changed = new LinkedHashSet<>();
    check(changed, "scaleTargetKind", a, b, ScaledObjectStatus::getScaleTargetKind);
    check(changed, "scaleTargetGVKR", a, b, ScaledObjectStatus::getScaleTargetGVKR);
    check(changed, "originalReplicaCount", a, b, ScaledObjectStatus::getOriginalReplicaCount);
    check(changed, "lastActiveTime", a, b, ScaledObjectStatus::getLastActiveTime);
    check(changed, "externalMetricNames", a, b, ScaledObjectStatus::getExternalMetricNames);
    check(changed, "resourceMetricNames", a, b, ScaledObjectStatus::getResourceMetricNames);
    check(changed, "compositeScalerName", a, b, ScaledObjectStatus::getCompositeScalerName);
    check(changed, "conditions", a, b, ScaledObjectStatus::getConditions);
    check(changed, "health", a, b, ScaledObjectStatus::getHealth);
    check(changed, "pausedReplicaCount", a, b, ScaledObjectStatus::getPausedReplicaCount);
    check(changed, "hpaName", a, b, ScaledObjectStatus::getHpaName);
    check(changed, "triggersTypes", a, b, ScaledObjectStatus::getTriggersTypes);
    check(changed, "authenticationsTypes", a, b, ScaledObjectStatus::getAuthenticationsTypes);
    check(changed, "triggersActivity", a, b, ScaledObjectStatus::getTriggersActivity);
    return new StatusDiff(changed);
  }

  private static void check(
      Set<String> changed,
      String field,
      ScaledObjectStatus a,
      ScaledObjectStatus b,
      Function<ScaledObjectStatus, Object> getter) {
    Object x = getter.apply(a);
    Object y = getter.apply(b);
    // An absent collection and an empty one serialize the same way (omitempty): no write.
    if (isEmptyValue(x) && isEmptyValue(y)) {
      return;
    }
    if (x instanceof java.time.OffsetDateTime t && y instanceof java.time.OffsetDateTime u) {
      if (!t.isEqual(u)) {
        changed.add(field);
      }
      return;
    }
    if (!Objects.equals(x, y)) {
      changed.add(field);
    }
  }

  private static boolean isEmptyValue(Object v) {
    return v == null
        || (v instanceof String s && s.isEmpty())
        || (v instanceof java.util.Collection<?> c && c.isEmpty())
        || (v instanceof java.util.Map<?, ?> m && m.isEmpty());
  }
}
