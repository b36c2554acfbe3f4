package dev.keda4j.api.v1alpha1;

import com.google.gson.annotations.SerializedName;
import java.util.List;
import java.util.Objects;

/** spec of a ScaledObject. */
@CrdRule(rule = ScaledObjectSpec.MIN_LE_MAX_RULE, message = ScaledObjectSpec.MIN_LE_MAX_MESSAGE)
public class ScaledObjectSpec {
  /** CEL rule of the ScaledObject spec (x-kubernetes-validations). */
  public static final String MIN_LE_MAX_RULE =
      "!has(self.minReplicaCount) || self.minReplicaCount <= (has(self.maxReplicaCount) ?"
          + " self.maxReplicaCount : 100)";

  /** Message of {@link #MIN_LE_MAX_RULE}. */
  public static final String MIN_LE_MAX_MESSAGE =
      "minReplicaCount must be less than or equal to maxReplicaCount";

  @CrdField(required = true)
  @SerializedName("scaleTargetRef")
  private ScaleTarget scaleTargetRef;

  @CrdField(minimum = 1)
  @SerializedName("pollingInterval")
  private Integer pollingInterval;

  @CrdField(minimum = 0)
  @SerializedName("initialCooldownPeriod")
  private Integer initialCooldownPeriod;

  @CrdField(minimum = 0)
  @SerializedName("cooldownPeriod")
  private Integer cooldownPeriod;

  @CrdField(minimum = 0)
  @SerializedName("idleReplicaCount")
  private Integer idleReplicaCount;

  @CrdField(minimum = 0)
  @SerializedName("minReplicaCount")
  private Integer minReplicaCount;

  @CrdField(minimum = 1)
  @SerializedName("maxReplicaCount")
  private Integer maxReplicaCount;

  @SerializedName("advanced")
  private AdvancedConfig advanced;

  @CrdField(required = true, minItems = 1)
  @SerializedName("triggers")
  private List<ScaleTriggers> triggers;

  @SerializedName("fallback")
  private Fallback fallback;

  public ScaleTarget getScaleTargetRef() {
    return scaleTargetRef;
  }

  public ScaledObjectSpec scaleTargetRef(ScaleTarget scaleTargetRef) {
    this.scaleTargetRef = scaleTargetRef;
    return this;
  }

  public Integer getPollingInterval() {
    return pollingInterval;
  }

  public ScaledObjectSpec pollingInterval(Integer pollingInterval) {
    this.pollingInterval = pollingInterval;
    return this;
  }

  public Integer getInitialCooldownPeriod() {
    return initialCooldownPeriod;
  }

  public ScaledObjectSpec initialCooldownPeriod(Integer initialCooldownPeriod) {
    this.initialCooldownPeriod = initialCooldownPeriod;
    return this;
  }

  public Integer getCooldownPeriod() {
    return cooldownPeriod;
  }

  public ScaledObjectSpec cooldownPeriod(Integer cooldownPeriod) {
    this.cooldownPeriod = cooldownPeriod;
    return this;
  }

  public Integer getIdleReplicaCount() {
    return idleReplicaCount;
  }

  public ScaledObjectSpec idleReplicaCount(Integer idleReplicaCount) {
    this.idleReplicaCount = idleReplicaCount;
    return this;
  }

  public Integer getMinReplicaCount() {
    return minReplicaCount;
  }

  public ScaledObjectSpec minReplicaCount(Integer minReplicaCount) {
    this.minReplicaCount = minReplicaCount;
    return this;
  }

  public Integer getMaxReplicaCount() {
    return maxReplicaCount;
  }

  public ScaledObjectSpec maxReplicaCount(Integer maxReplicaCount) {
    this.maxReplicaCount = maxReplicaCount;
    return this;
  }

  public AdvancedConfig getAdvanced() {
    return advanced;
  }

  public ScaledObjectSpec advanced(AdvancedConfig advanced) {
    this.advanced = advanced;
    return this;
  }

  public List<ScaleTriggers> getTriggers() {
    return triggers;
  }

  public ScaledObjectSpec triggers(List<ScaleTriggers> triggers) {
    this.triggers = triggers;
    return this;
  }

  public Fallback getFallback() {
    return fallback;
  }

  public ScaledObjectSpec fallback(Fallback fallback) {
    this.fallback = fallback;
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
    ScaledObjectSpec other = (ScaledObjectSpec) o;
    return Objects.equals(scaleTargetRef, other.scaleTargetRef)
        && Objects.equals(pollingInterval, other.pollingInterval)
        && Objects.equals(initialCooldownPeriod, other.initialCooldownPeriod)
        && Objects.equals(cooldownPeriod, other.cooldownPeriod)
        && Objects.equals(idleReplicaCount, other.idleReplicaCount)
        && Objects.equals(minReplicaCount, other.minReplicaCount)
        && Objects.equals(maxReplicaCount, other.maxReplicaCount)
        && Objects.equals(advanced, other.advanced)
        && Objects.equals(triggers, other.triggers)
        && Objects.equals(fallback, other.fallback);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        scaleTargetRef,
        pollingInterval,
        initialCooldownPeriod,
        cooldownPeriod,
        idleReplicaCount,
        minReplicaCount,
        maxReplicaCount,
        advanced,
        triggers,
        fallback);
  }
}
