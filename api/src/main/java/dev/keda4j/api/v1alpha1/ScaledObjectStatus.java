package dev.keda4j.api.v1alpha1;

import com.google.gson.annotations.SerializedName;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** status of a ScaledObject. */
public class ScaledObjectStatus {
  @SerializedName("scaleTargetKind")
  private String scaleTargetKind;

  @SerializedName("scaleTargetGVKR")
  private GroupVersionKindResource scaleTargetGVKR;

  @SerializedName("originalReplicaCount")
  private Integer originalReplicaCount;

  @SerializedName("lastActiveTime")
  private OffsetDateTime lastActiveTime;

  @SerializedName("externalMetricNames")
  private List<String> externalMetricNames;

  @SerializedName("resourceMetricNames")
  private List<String> resourceMetricNames;

  @SerializedName("compositeScalerName")
  private String compositeScalerName;

  @SerializedName("conditions")
  private List<Condition> conditions;

  @SerializedName("health")
  private Map<String, HealthStatus> health;

  @SerializedName("pausedReplicaCount")
  private Integer pausedReplicaCount;

  @SerializedName("hpaName")
  private String hpaName;

  @SerializedName("triggersTypes")
  private String triggersTypes;

  @SerializedName("authenticationsTypes")
  private String authenticationsTypes;

  @SerializedName("triggersActivity")
  private Map<String, TriggerActivityStatus> triggersActivity;

  public String getScaleTargetKind() {
    return scaleTargetKind;
  }

  public ScaledObjectStatus scaleTargetKind(String scaleTargetKind) {
    this.scaleTargetKind = scaleTargetKind;
    return this;
  }

  public GroupVersionKindResource getScaleTargetGVKR() {
    return scaleTargetGVKR;
  }

  public ScaledObjectStatus scaleTargetGVKR(GroupVersionKindResource scaleTargetGVKR) {
    this.scaleTargetGVKR = scaleTargetGVKR;
    return this;
  }

  public Integer getOriginalReplicaCount() {
    return originalReplicaCount;
  }

  public ScaledObjectStatus originalReplicaCount(Integer originalReplicaCount) {
    this.originalReplicaCount = originalReplicaCount;
    return this;
  }

  public OffsetDateTime getLastActiveTime() {
    return lastActiveTime;
  }

  public ScaledObjectStatus lastActiveTime(OffsetDateTime lastActiveTime) {
    this.lastActiveTime = lastActiveTime;
    return this;
  }

  public List<String> getExternalMetricNames() {
    return externalMetricNames;
  }

  public ScaledObjectStatus externalMetricNames(List<String> externalMetricNames) {
    this.externalMetricNames = externalMetricNames;
    return this;
  }

  public List<String> getResourceMetricNames() {
    return resourceMetricNames;
  }

  public ScaledObjectStatus resourceMetricNames(List<String> resourceMetricNames) {
    this.resourceMetricNames = resourceMetricNames;
    return this;
  }

  public String getCompositeScalerName() {
    return compositeScalerName;
  }

  public ScaledObjectStatus compositeScalerName(String compositeScalerName) {
    this.compositeScalerName = compositeScalerName;
    return this;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public ScaledObjectStatus conditions(List<Condition> conditions) {
    this.conditions = conditions;
    return this;
  }

  public Map<String, HealthStatus> getHealth() {
    return health;
  }

  public ScaledObjectStatus health(Map<String, HealthStatus> health) {
    this.health = health;
    return this;
  }

  public Integer getPausedReplicaCount() {
    return pausedReplicaCount;
  }

  public ScaledObjectStatus pausedReplicaCount(Integer pausedReplicaCount) {
    this.pausedReplicaCount = pausedReplicaCount;
    return this;
  }

  public String getHpaName() {
    return hpaName;
  }

  public ScaledObjectStatus hpaName(String hpaName) {
    this.hpaName = hpaName;
    return this;
  }

  public String getTriggersTypes() {
    return triggersTypes;
  }

  public ScaledObjectStatus triggersTypes(String triggersTypes) {
    this.triggersTypes = triggersTypes;
    return this;
  }

  public String getAuthenticationsTypes() {
    return authenticationsTypes;
  }

  public ScaledObjectStatus authenticationsTypes(String authenticationsTypes) {
    this.authenticationsTypes = authenticationsTypes;
    return this;
  }

  public Map<String, TriggerActivityStatus> getTriggersActivity() {
    return triggersActivity;
  }

  public ScaledObjectStatus triggersActivity(Map<String, TriggerActivityStatus> triggersActivity) {
    this.triggersActivity = triggersActivity;
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
    ScaledObjectStatus other = (ScaledObjectStatus) o;
    return Objects.equals(scaleTargetKind, other.scaleTargetKind)
        && Objects.equals(scaleTargetGVKR, other.scaleTargetGVKR)
        && Objects.equals(originalReplicaCount, other.originalReplicaCount)
        && Objects.equals(lastActiveTime, other.lastActiveTime)
        && Objects.equals(externalMetricNames, other.externalMetricNames)
        && Objects.equals(resourceMetricNames, other.resourceMetricNames)
        && Objects.equals(compositeScalerName, other.compositeScalerName)
        && Objects.equals(conditions, other.conditions)
        && Objects.equals(health, other.health)
        && Objects.equals(pausedReplicaCount, other.pausedReplicaCount)
        && Objects.equals(hpaName, other.hpaName)
        && Objects.equals(triggersTypes, other.triggersTypes)
        && Objects.equals(authenticationsTypes, other.authenticationsTypes)
        && Objects.equals(triggersActivity, other.triggersActivity);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        scaleTargetKind,
        scaleTargetGVKR,
        originalReplicaCount,
        lastActiveTime,
        externalMetricNames,
        resourceMetricNames,
        compositeScalerName,
        conditions,
        health,
        pausedReplicaCount,
        hpaName,
        triggersTypes,
        authenticationsTypes,
        triggersActivity);
  }
}
