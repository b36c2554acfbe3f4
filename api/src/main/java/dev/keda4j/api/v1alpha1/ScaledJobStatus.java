package dev.keda4j.api.v1alpha1;

import com.google.gson.annotations.SerializedName;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** status of a ScaledJob (note the JSON key "Paused" with a capital P). */
public class ScaledJobStatus {
  @SerializedName("lastActiveTime")
  private OffsetDateTime lastActiveTime;

  @SerializedName("conditions")
  private List<Condition> conditions;

  @SerializedName("Paused")
  private String paused;

  @SerializedName("triggersTypes")
  private String triggersTypes;

  @SerializedName("authenticationsTypes")
  private String authenticationsTypes;

  @SerializedName("externalMetricNames")
  private List<String> externalMetricNames;

  @SerializedName("triggersActivity")
  private Map<String, TriggerActivityStatus> triggersActivity;

  public OffsetDateTime getLastActiveTime() {
    return lastActiveTime;
  }

  public ScaledJobStatus lastActiveTime(OffsetDateTime lastActiveTime) {
    this.lastActiveTime = lastActiveTime;
    return this;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public ScaledJobStatus conditions(List<Condition> conditions) {
    this.conditions = conditions;
    return this;
  }

  public String getPaused() {
    return paused;
  }

  public ScaledJobStatus paused(String paused) {
    this.paused = paused;
    return this;
  }

  public String getTriggersTypes() {
    return triggersTypes;
  }

  public ScaledJobStatus triggersTypes(String triggersTypes) {
    this.triggersTypes = triggersTypes;
    return this;
  }

  public String getAuthenticationsTypes() {
    return authenticationsTypes;
  }

  public ScaledJobStatus authenticationsTypes(String authenticationsTypes) {
    this.authenticationsTypes = authenticationsTypes;
    return this;
  }

  public List<String> getExternalMetricNames() {
    return externalMetricNames;
  }

  public ScaledJobStatus externalMetricNames(List<String> externalMetricNames) {
    this.externalMetricNames = externalMetricNames;
    return this;
  }

  public Map<String, TriggerActivityStatus> getTriggersActivity() {
    return triggersActivity;
  }

  public ScaledJobStatus triggersActivity(Map<String, TriggerActivityStatus> triggersActivity) {
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
    ScaledJobStatus other = (ScaledJobStatus) o;
    return Objects.equals(lastActiveTime, other.lastActiveTime)
        && Objects.equals(conditions, other.conditions)
        && Objects.equals(paused, other.paused)
        && Objects.equals(triggersTypes, other.triggersTypes)
        && Objects.equals(authenticationsTypes, other.authenticationsTypes)
        && Objects.equals(externalMetricNames, other.externalMetricNames)
        && Objects.equals(triggersActivity, other.triggersActivity);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        lastActiveTime,
        conditions,
        paused,
        triggersTypes,
        authenticationsTypes,
        externalMetricNames,
        triggersActivity);
  }
}
