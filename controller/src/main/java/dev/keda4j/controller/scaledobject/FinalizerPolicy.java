package dev.keda4j.controller.scaledobject;

import dev.keda4j.api.v1alpha1.ScaleTriggers;
import dev.keda4j.api.v1alpha1.ScaledObjectSpec;

/** When a ScaledObject carries {@code finalizer.keda.sh}. */
final class FinalizerPolicy {
  private FinalizerPolicy() {}

  /**
   * Whether deleting an object of this spec has work to do before the object may disappear, so that
   * it needs {@code finalizer.keda.sh}: putting the target back ({@code
   * advanced.restoreToOriginalReplicaCount}) or removing the object from the {@code
   * status.scaledobjects} of a referenced (Cluster)TriggerAuthentication. Everything else (loop,
   * scalers, metric series) is cleaned up on the informer's delete notification, so an object
   * without either never holds up its own deletion, a namespace's or keda4j's uninstall.
   */
  static boolean needed(ScaledObjectSpec spec) {
    if (spec == null) {
      return false;
    }
    if (spec.getAdvanced() != null
        && Boolean.TRUE.equals(spec.getAdvanced().getRestoreToOriginalReplicaCount())) {
      return true;
    }
    if (spec.getTriggers() == null) {
      return false;
    }
    for (ScaleTriggers t : spec.getTriggers()) {
      if (t != null
          && t.getAuthenticationRef() != null
          && t.getAuthenticationRef().getName() != null
          && !t.getAuthenticationRef().getName().isEmpty()) {
        return true;
      }
    }
    return false;
  }
}
