package dev.keda4j.api.v1alpha1;

import com.google.gson.annotations.SerializedName;
import java.util.List;
import java.util.Objects;

/** spec.scalingStrategy of a ScaledJob. */
public class ScalingStrategy {
  @CrdField(enumValues = {"default", "custom", "accurate", "eager"})
  @SerializedName("strategy")
  private String strategy;

  @SerializedName("customScalingQueueLengthDeduction")
  private Integer customScalingQueueLengthDeduction;

  @SerializedName("customScalingRunningJobPercentage")
  private String customScalingRunningJobPercentage;

  @SerializedName("pendingPodConditions")
  private List<String> pendingPodConditions;

  @CrdField(enumValues = {"min", "avg", "sum", "max"})
  @SerializedName("multipleScalersCalculation")
  private String multipleScalersCalculation;

  public String getStrategy() {
    return strategy;
  }

  public ScalingStrategy strategy(String strategy) {
    this.strategy = strategy;
    return this;
  }

  public Integer getCustomScalingQueueLengthDeduction() {
    return customScalingQueueLengthDeduction;
  }

  public ScalingStrategy customScalingQueueLengthDeduction(
      Integer customScalingQueueLengthDeduction) {
    this.customScalingQueueLengthDeduction = customScalingQueueLengthDeduction;
    return this;
  }

  public String getCustomScalingRunningJobPercentage() {
    return customScalingRunningJobPercentage;
  }

  public ScalingStrategy customScalingRunningJobPercentage(
      String customScalingRunningJobPercentage) {
    this.customScalingRunningJobPercentage = customScalingRunningJobPercentage;
    return this;
  }

  public List<String> getPendingPodConditions() {
    return pendingPodConditions;
  }

  public ScalingStrategy pendingPodConditions(List<String> pendingPodConditions) {
    this.pendingPodConditions = pendingPodConditions;
    return this;
  }

  public String getMultipleScalersCalculation() {
    return multipleScalersCalculation;
  }

  public ScalingStrategy multipleScalersCalculation(String multipleScalersCalculation) {
    this.multipleScalersCalculation = multipleScalersCalculation;
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
    ScalingStrategy other = (ScalingStrategy) o;
    return Objects.equals(strategy, other.strategy)
        && Objects.equals(
            customScalingQueueLengthDeduction, other.customScalingQueueLengthDeduction)
        && Objects.equals(
            customScalingRunningJobPercentage, other.customScalingRunningJobPercentage)
        && Objects.equals(pendingPodConditions, other.pendingPodConditions)
        && Objects.equals(multipleScalersCalculation, other.multipleScalersCalculation);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        strategy,
        customScalingQueueLengthDeduction,
        customScalingRunningJobPercentage,
        pendingPodConditions,
        multipleScalersCalculation);
  }
}
