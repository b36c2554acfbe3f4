package dev.keda4j.api.v1alpha1;

import com.google.gson.annotations.SerializedName;
import java.util.Objects;

/** spec.advanced of a ScaledObject. */
public class AdvancedConfig {
  @SerializedName("horizontalPodAutoscalerConfig")
  private HorizontalPodAutoscalerConfig horizontalPodAutoscalerConfig;

  @SerializedName("restoreToOriginalReplicaCount")
  private Boolean restoreToOriginalReplicaCount;

  @SerializedName("scalingModifiers")
  private ScalingModifiers scalingModifiers;

  public HorizontalPodAutoscalerConfig getHorizontalPodAutoscalerConfig() {
    return horizontalPodAutoscalerConfig;
  }

  public AdvancedConfig horizontalPodAutoscalerConfig(
      HorizontalPodAutoscalerConfig horizontalPodAutoscalerConfig) {
    this.horizontalPodAutoscalerConfig = horizontalPodAutoscalerConfig;
    return this;
  }

  public Boolean getRestoreToOriginalReplicaCount() {
    return restoreToOriginalReplicaCount;
  }

  public AdvancedConfig restoreToOriginalReplicaCount(Boolean restoreToOriginalReplicaCount) {
    this.restoreToOriginalReplicaCount = restoreToOriginalReplicaCount;
    return this;
  }

  public ScalingModifiers getScalingModifiers() {
    return scalingModifiers;
  }

  public AdvancedConfig scalingModifiers(ScalingModifiers scalingModifiers) {
    this.scalingModifiers = scalingModifiers;
    return this;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    AdvancedConfig other = (AdvancedConfig) o;
    return Objects.equals(horizontalPodAutoscalerConfig, other.horizontalPodAutoscalerConfig)
        && Objects.equals(restoreToOriginalReplicaCount, other.restoreToOriginalReplicaCount)
        && Objects.equals(scalingModifiers, other.scalingModifiers);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        horizontalPodAutoscalerConfig, restoreToOriginalReplicaCount, scalingModifiers);
  }
}
