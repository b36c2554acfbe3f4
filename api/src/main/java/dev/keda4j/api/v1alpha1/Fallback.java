package dev.keda4j.api.v1alpha1;

import com.google.gson.annotations.SerializedName;
import java.util.Objects;

/** spec.fallback of a ScaledObject. */
public class Fallback {
  @CrdField(required = true, minimum = 0)
  @SerializedName("failureThreshold")
  private Integer failureThreshold;

  @CrdField(required = true, minimum = 0)
  @SerializedName("replicas")
  private Integer replicas;

  @CrdField(
      enumValues = {
        "static",
        "currentReplicas",
        "currentReplicasIfHigher",
        "currentReplicasIfLower",
        "scalingModifiers"
      },
      defaultValue = "static")
  @SerializedName("behavior")
  private String behavior;

  public Integer getFailureThreshold() {
    return failureThreshold;
  }

  public Fallback failureThreshold(Integer failureThreshold) {
    this.failureThreshold = failureThreshold;
    return this;
  }

  public Integer getReplicas() {
    return replicas;
  }

  public Fallback replicas(Integer replicas) {
    this.replicas = replicas;
    return this;
  }

  public String getBehavior() {
    return behavior;
  }

  public Fallback behavior(String behavior) {
    this.behavior = behavior;
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
    Fallback other = (Fallback) o;
    return Objects.equals(failureThreshold, other.failureThreshold)
        && Objects.equals(replicas, other.replicas)
        && Objects.equals(behavior, other.behavior);
  }

  @Override
  public int hashCode() {
    return Objects.hash(failureThreshold, replicas, behavior);
  }
}
