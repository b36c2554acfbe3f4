package dev.keda4j.api.v1alpha1;

import com.google.gson.annotations.SerializedName;
import java.util.Objects;

/** spec.rollout of a ScaledJob. */
public class Rollout {
  @CrdField(enumValues = {"gradual", "immediate"})
  @SerializedName("strategy")
  private String strategy;

  @CrdField(enumValues = {"foreground", "background"})
  @SerializedName("propagationPolicy")
  private String propagationPolicy;

  public String getStrategy() {
    return strategy;
  }

  public Rollout strategy(String strategy) {
    this.strategy = strategy;
    return this;
  }

  public String getPropagationPolicy() {
    return propagationPolicy;
  }

  public Rollout propagationPolicy(String propagationPolicy) {
    this.propagationPolicy = propagationPolicy;
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
    Rollout other = (Rollout) o;
    return Objects.equals(strategy, other.strategy)
        && Objects.equals(propagationPolicy, other.propagationPolicy);
  }

  @Override
  public int hashCode() {
    return Objects.hash(strategy, propagationPolicy);
  }
}
