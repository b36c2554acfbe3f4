package dev.keda4j.controller.scaledjob;

import dev.keda4j.api.v1alpha1.ScaledJob;
import java.util.List;

/** How many jobs one poll creates (KEDA's {@code getScalingDecision} and {@code createJobs}). */
public final class JobPlanner {
  private JobPlanner() {}

  /**
   * @param sj the ScaledJob (replica counts and scaling strategy)
   * @param metrics readings of the triggers that could be polled; failed triggers contribute none
   * @param jobs jobs of the ScaledJob that are not finished
   */
  public static JobPlan plan(ScaledJob sj, List<TriggerMetric> metrics, JobCounts jobs) {
    int min = sj.minReplicaCount();
    int maxRc = sj.maxReplicaCount();
    dev.keda4j.api.v1alpha1.ScalingStrategy spec =
        sj.getSpec() == null ? null : sj.getSpec().getScalingStrategy();
    CombinedMetrics combined =
        ScalersCalculation.of(spec == null ? null : spec.getMultipleScalersCalculation())
            .combine(metrics, min, maxRc);
    StrategyResult result;
    if (jobs.running() < min) {
      long missing = min - jobs.running();
      result = new StrategyResult(missing, missing);
    } else {
      result =
          ScalingStrategy.of(spec)
              .decide(
                  combined.maxScale(),
                  jobs.running() - min,
                  jobs.pending(),
                  maxRc,
                  combined.scaleTo());
    }
    long effectiveMax = Math.max(result.effectiveMax(), 0);
    long create =
        combined.active() && effectiveMax > 0 ? Math.min(result.scaleTo(), effectiveMax) : 0;
    return new JobPlan(
        combined.active(),
        combined.scaleTo(),
        combined.maxScale(),
        effectiveMax,
        Math.max(0, create));
  }
}
