package dev.keda4j.scalers.workload;

import dev.keda4j.scalers.config.ConfigStrings;
import dev.keda4j.scalers.config.Param;

/**
 * {@code kubernetes-workload} (KEDA's {@code kubernetes_workload_scaler.go}).
 *
 * @param podSelector label selector of the pods counted, set-based requirements allowed
 * @param value target pods per replica; must be &gt; 0 unless the object uses scalingModifiers
 * @param activationValue the trigger is active when the count is above it
 */
public record WorkloadConfig(
    @Param(name = "podSelector") String podSelector,
    @Param(name = "value", defaultValue = "0") double value,
    @Param(name = "activationValue", defaultValue = "0") double activationValue) {

  @Override
  public String toString() {
    return ConfigStrings.describe(this);
  }
}
