package dev.keda4j.controller.scaledobject.status;

import dev.keda4j.api.v1alpha1.Condition;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscalerCondition;
import java.util.Optional;

/** KEDA's {@code checkHPAHealth}: mirrors the HPA's ScalingActive condition into HPAActive. */
public final class HpaHealth {
  private HpaHealth() {}

  /** Empty when the HPA has no ScalingActive condition yet: HPAActive is then left untouched. */
  public static Optional<Condition> hpaActiveCondition(V2HorizontalPodAutoscaler hpa) {
    if (hpa == null || hpa.getStatus() == null || hpa.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    for (V2HorizontalPodAutoscalerCondition c : hpa.getStatus().getConditions()) {
      if (!"ScalingActive".equals(c.getType())) {
        continue;
      }
      if (ScaledObjectReasons.TRUE.equals(c.getStatus())) {
        return Optional.of(ScaledObjectReasons.hpaActive());
      }
      if ("ScalingDisabled".equals(c.getReason())) {
        return Optional.of(ScaledObjectReasons.hpaScalingDisabled(c.getMessage()));
      }
      return Optional.of(ScaledObjectReasons.hpaNotActive(c.getReason(), c.getMessage()));
    }
    return Optional.empty();
  }
}
