package dev.keda4j.api.v1alpha1;

import com.google.gson.annotations.SerializedName;
import io.kubernetes.client.openapi.models.V1JobSpec;
import java.util.List;
import java.util.Objects;

/** spec of a ScaledJob. */
public class ScaledJobSpec {
  @CrdField(required = true)
  @SerializedName("jobTargetRef")
  private V1JobSpec jobTargetRef;

  @CrdField(minimum = 1)
  @SerializedName("pollingInterval")
  private Integer pollingInterval;

  @CrdField(minimum = 0)
  @SerializedName("successfulJobsHistoryLimit")
  private Integer successfulJobsHistoryLimit;

  @CrdField(minimum = 0)
  @SerializedName("failedJobsHistoryLimit")
  private Integer failedJobsHistoryLimit;

  @SerializedName("envSourceContainerName")
  private String envSourceContainerName;

  @CrdField(minimum = 0)
  @SerializedName("minReplicaCount")
  private Integer minReplicaCount;

  @CrdField(minimum = 1)
  @SerializedName("maxReplicaCount")
  private Integer maxReplicaCount;

  @CrdField(
      enumValues = {"gradual", "immediate"},
      description = "deprecated: use rollout.strategy")
  @SerializedName("rolloutStrategy")
  private String rolloutStrategy;

  @SerializedName("rollout")
  private Rollout rollout;

  @SerializedName("scalingStrategy")
  private ScalingStrategy scalingStrategy;

  @CrdField(required = true, minItems = 1)
  @SerializedName("triggers")
  private List<ScaleTriggers> triggers;

  public V1JobSpec getJobTargetRef() {
    return jobTargetRef;
  }

  public ScaledJobSpec jobTargetRef(V1JobSpec jobTargetRef) {
    this.jobTargetRef = jobTargetRef;
    return this;
  }

  public Integer getPollingInterval() {
    return pollingInterval;
  }

  public ScaledJobSpec pollingInterval(Integer pollingInterval) {
    this.pollingInterval = pollingInterval;
    return this;
  }

  public Integer getSuccessfulJobsHistoryLimit() {
    return successfulJobsHistoryLimit;
  }

  public ScaledJobSpec successfulJobsHistoryLimit(Integer successfulJobsHistoryLimit) {
    this.successfulJobsHistoryLimit = successfulJobsHistoryLimit;
    return this;
  }

  public Integer getFailedJobsHistoryLimit() {
    return failedJobsHistoryLimit;
  }

  public ScaledJobSpec failedJobsHistoryLimit(Integer failedJobsHistoryLimit) {
    this.failedJobsHistoryLimit = failedJobsHistoryLimit;
    return this;
  }

  public String getEnvSourceContainerName() {
    return envSourceContainerName;
  }

  public ScaledJobSpec envSourceContainerName(String envSourceContainerName) {
    this.envSourceContainerName = envSourceContainerName;
    return this;
  }

  public Integer getMinReplicaCount() {
    return minReplicaCount;
  }

  public ScaledJobSpec minReplicaCount(Integer minReplicaCount) {
    this.minReplicaCount = minReplicaCount;
    return this;
  }

  public Integer getMaxReplicaCount() {
    return maxReplicaCount;
  }

  public ScaledJobSpec maxReplicaCount(Integer maxReplicaCount) {
    this.maxReplicaCount = maxReplicaCount;
    return this;
  }

  public String getRolloutStrategy() {
    return rolloutStrategy;
  }

  public ScaledJobSpec rolloutStrategy(String rolloutStrategy) {
    this.rolloutStrategy = rolloutStrategy;
    return this;
  }

  public Rollout getRollout() {
    return rollout;
  }

  public ScaledJobSpec rollout(Rollout rollout) {
    this.rollout = rollout;
    return this;
  }

  public ScalingStrategy getScalingStrategy() {
    return scalingStrategy;
  }

  public ScaledJobSpec scalingStrategy(ScalingStrategy scalingStrategy) {
    this.scalingStrategy = scalingStrategy;
    return this;
  }

  public List<ScaleTriggers> getTriggers() {
    return triggers;
  }

  public ScaledJobSpec triggers(List<ScaleTriggers> triggers) {
    this.triggers = triggers;
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
    ScaledJobSpec other = (ScaledJobSpec) o;
    return Objects.equals(jobTargetRef, other.jobTargetRef)
        && Objects.equals(pollingInterval, other.pollingInterval)
        && Objects.equals(successfulJobsHistoryLimit, other.successfulJobsHistoryLimit)
        && Objects.equals(failedJobsHistoryLimit, other.failedJobsHistoryLimit)
        && Objects.equals(envSourceContainerName, other.envSourceContainerName)
        && Objects.equals(minReplicaCount, other.minReplicaCount)
        && Objects.equals(maxReplicaCount, other.maxReplicaCount)
        && Objects.equals(rolloutStrategy, other.rolloutStrategy)
        && Objects.equals(rollout, other.rollout)
        && Objects.equals(scalingStrategy, other.scalingStrategy)
        && Objects.equals(triggers, other.triggers);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        jobTargetRef,
        pollingInterval,
        successfulJobsHistoryLimit,
        failedJobsHistoryLimit,
        envSourceContainerName,
        minReplicaCount,
        maxReplicaCount,
        rolloutStrategy,
        rollout,
        scalingStrategy,
        triggers);
  }
}
