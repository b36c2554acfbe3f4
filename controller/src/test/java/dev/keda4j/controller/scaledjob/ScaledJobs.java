package dev.keda4j.controller.scaledjob;

import dev.keda4j.api.v1alpha1.ScaledJob;
import dev.keda4j.api.v1alpha1.ScaledJobSpec;
import dev.keda4j.api.v1alpha1.ScalingStrategy;
import io.kubernetes.client.openapi.models.V1ObjectMeta;

/** Test ScaledJobs. */
final class ScaledJobs {
  private ScaledJobs() {}

  static ScaledJob sj(Integer min, Integer max, ScalingStrategy strategy) {
    return new ScaledJob()
        .metadata(new V1ObjectMeta().name("test").namespace("ns").uid("uid-1"))
        .spec(
            new ScaledJobSpec()
                .minReplicaCount(min)
                .maxReplicaCount(max)
                .scalingStrategy(strategy));
  }

  static ScalingStrategy strategy(String name) {
    return new ScalingStrategy().strategy(name);
  }

  static ScalingStrategy custom(Integer deduction, String pct) {
    return new ScalingStrategy()
        .strategy("custom")
        .customScalingQueueLengthDeduction(deduction)
        .customScalingRunningJobPercentage(pct);
  }

  static ScalingStrategy calculation(String calc) {
    return new ScalingStrategy().multipleScalersCalculation(calc);
  }
}
