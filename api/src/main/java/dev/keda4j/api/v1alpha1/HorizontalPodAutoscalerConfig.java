package dev.keda4j.api.v1alpha1;

import com.google.gson.annotations.SerializedName;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscalerBehavior;
import java.util.Objects;

/** spec.advanced.horizontalPodAutoscalerConfig. */
public class HorizontalPodAutoscalerConfig {
  @SerializedName("behavior")
  private V2HorizontalPodAutoscalerBehavior behavior;

  @SerializedName("name")
  private String name;

  public V2HorizontalPodAutoscalerBehavior getBehavior() {
    return behavior;
  }

  public HorizontalPodAutoscalerConfig behavior(V2HorizontalPodAutoscalerBehavior behavior) {
    this.behavior = behavior;
    return this;
  }

  public String getName() {
    return name;
  }

  public HorizontalPodAutoscalerConfig name(String name) {
    this.name = name;
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
    HorizontalPodAutoscalerConfig other = (HorizontalPodAutoscalerConfig) o;
    return Objects.equals(behavior, other.behavior) && Objects.equals(name, other.name);
  }

  @Override
  public int hashCode() {
    return Objects.hash(behavior, name);
  }
}
