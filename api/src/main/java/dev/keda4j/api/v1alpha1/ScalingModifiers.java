package dev.keda4j.api.v1alpha1;

import com.google.gson.annotations.SerializedName;
import java.util.Objects;

/** spec.advanced.scalingModifiers (composite metric). */
public class ScalingModifiers {
  @SerializedName("formula")
  private String formula;

  @SerializedName("target")
  private String target;

  @SerializedName("activationTarget")
  private String activationTarget;

  @CrdField(enumValues = {"AverageValue", "Value"})
  @SerializedName("metricType")
  private String metricType;

  public String getFormula() {
    return formula;
  }

  public ScalingModifiers formula(String formula) {
    this.formula = formula;
    return this;
  }

  public String getTarget() {
    return target;
  }

  public ScalingModifiers target(String target) {
    this.target = target;
    return this;
  }

  public String getActivationTarget() {
    return activationTarget;
  }

  public ScalingModifiers activationTarget(String activationTarget) {
    this.activationTarget = activationTarget;
    return this;
  }

  public String getMetricType() {
    return metricType;
  }

  public ScalingModifiers metricType(String metricType) {
    this.metricType = metricType;
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
    ScalingModifiers other = (ScalingModifiers) o;
    return Objects.equals(formula, other.formula)
        && Objects.equals(target, other.target)
        && Objects.equals(activationTarget, other.activationTarget)
        && Objects.equals(metricType, other.metricType);
  }

  @Override
  public int hashCode() {
    return Objects.hash(formula, target, activationTarget, metricType);
  }
}
