package dev.keda4j.controller.scaledjob;

import static dev.keda4j.controller.scaledjob.ScaledJobs.calculation;
import static dev.keda4j.controller.scaledjob.ScaledJobs.sj;
import static dev.keda4j.controller.scaledjob.ScaledJobs.strategy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.keda4j.api.v1alpha1.ScaledJob;
import dev.keda4j.scalers.spi.MetricSpec;
import dev.keda4j.scalers.spi.MetricTargetType;
import dev.keda4j.scalers.spi.MetricValue;
import dev.keda4j.scalers.spi.ScalerResult;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * scaledjob.md "Test cases" 5–12 and 19: triggers read, combined and planned. Each trigger is
 * {queueLength, target, active}; a null trigger is one whose poll failed.
 */
class JobPlannerTest {

  static Stream<Arguments> cases() {
    ScaledJob min2 = sj(2, 10, null);
    return Stream.of(
        arguments("5 min=2 running=0 creates 2", min2, triggers(), 0, 0, plan(true, 0, 0, 2, 2)),
        arguments("5 min=2 running=1 creates 1", min2, triggers(), 1, 0, plan(true, 0, 0, 1, 1)),
        arguments(
            "5 min=1 running=1 maxScale=2 scaleTo=2 default creates 2",
            sj(1, 10, strategy("default")),
            triggers(t(2, 1, true)),
            1,
            0,
            plan(true, 2, 2, 2, 2)),
        arguments(
            "6 queue 10 target 1 max 25 running 3 creates 7",
            sj(0, 25, null),
            triggers(t(10, 1, true)),
            3,
            0,
            plan(true, 10, 10, 7, 7)),
        arguments(
            "7 queue 3 target 5 running 0 creates 1",
            sj(null, null, null),
            triggers(t(3, 5, true)),
            0,
            0,
            plan(true, 3, 1, 1, 1)),
        arguments(
            "8 queue 20 target 2 min 1 max 100 gives scaleTo 20 maxScale 10",
            sj(1, 100, null),
            triggers(t(20, 2, true)),
            1,
            0,
            plan(true, 20, 10, 10, 10)),
        arguments(
            "more running than the queue needs never goes negative",
            sj(0, 10, null),
            triggers(t(2, 1, true)),
            5,
            0,
            plan(true, 2, 2, 0, 0)),
        arguments(
            "no readings and min 0 creates nothing",
            sj(0, 1, null),
            triggers(),
            0,
            0,
            plan(false, 0, 0, 0, 0)));
  }

  static Stream<Arguments> combinations() {
    return Stream.of(
        arguments(
            "9 four scalers max ⇒ (20,20)",
            sj(0, 100, calculation("max")),
            four(),
            0,
            0,
            plan(true, 20, 20, 20, 20)),
        arguments(
            "9 four scalers default calculation is max ⇒ (20,20)",
            sj(0, 100, null),
            four(),
            0,
            0,
            plan(true, 20, 20, 20, 20)),
        arguments(
            "9 four scalers min ⇒ (5,2)",
            sj(0, 100, calculation("min")),
            four(),
            0,
            0,
            plan(true, 5, 2, 2, 2)),
        arguments(
            "9 four scalers avg ⇒ (12,9)",
            sj(0, 100, calculation("avg")),
            four(),
            0,
            0,
            plan(true, 12, 9, 9, 9)),
        arguments(
            "9 four scalers sum ⇒ (35,27)",
            sj(0, 100, calculation("sum")),
            four(),
            0,
            0,
            plan(true, 35, 27, 27, 27)),
        arguments(
            "9 four scalers sum max 25 ⇒ (35,25)",
            sj(0, 25, calculation("sum")),
            four(),
            0,
            0,
            plan(true, 35, 25, 25, 25)),
        arguments(
            "10 queue 0 active min 1 running 1 creates nothing",
            sj(1, 10, null),
            triggers(t(0, 1, true)),
            1,
            0,
            plan(true, 0, 0, 0, 0)),
        arguments(
            "10 queue 0 active min 1 running 0 creates 1",
            sj(1, 10, null),
            triggers(t(0, 1, true)),
            0,
            0,
            plan(true, 0, 0, 1, 1)),
        arguments(
            "11 min calculation with active queues [0,5] picks 5",
            sj(0, 100, calculation("min")),
            triggers(t(0, 1, true), t(5, 1, true)),
            0,
            0,
            plan(true, 5, 5, 5, 5)),
        arguments(
            "12 max calculation single active scaler queue 0 min 0 is inactive",
            sj(0, 100, calculation("max")),
            triggers(t(0, 1, true)),
            0,
            0,
            plan(false, 0, 0, 0, 0)),
        arguments(
            "inactive trigger with items creates nothing",
            sj(0, 100, null),
            triggers(t(4, 1, false)),
            0,
            0,
            plan(false, 0, 0, 0, 0)),
        arguments(
            "19 one trigger failed, the healthy one still creates jobs",
            sj(0, 100, null),
            triggers(null, t(4, 1, true)),
            0,
            0,
            plan(true, 4, 4, 4, 4)),
        arguments(
            "every trigger failed, min 2 still creates up to min",
            sj(2, 10, null),
            triggers(null, null),
            0,
            0,
            plan(true, 0, 0, 2, 2)),
        arguments(
            "every trigger failed, min 0 creates nothing",
            sj(0, 10, null),
            triggers(),
            0,
            0,
            plan(false, 0, 0, 0, 0)),
        arguments(
            "accurate: 6 items, 6 pending jobs create nothing more",
            sj(0, 25, strategy("accurate")),
            triggers(t(6, 1, true)),
            6,
            6,
            plan(true, 6, 6, 0, 0)),
        arguments(
            "seed custom strategy: 6 items, 0 running creates 5",
            sj(null, 25, ScaledJobs.custom(1, "0.5")),
            triggers(t(6, 1, true)),
            0,
            0,
            plan(true, 6, 6, 5, 5)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource({"cases", "combinations"})
  void plans(
      String name,
      ScaledJob sj,
      List<double[]> triggers,
      long running,
      long pending,
      JobPlan expected) {
    List<TriggerMetric> metrics = new ArrayList<>();
    int i = 0;
    for (double[] t : triggers) {
      if (t != null) {
        String metric = "s" + i + "-q";
        List<MetricSpec> specs =
            List.of(MetricSpec.external(metric, MetricTargetType.AVERAGE_VALUE, (long) t[1]));
        ScalerResult r = ScalerResult.of(MetricValue.ofDouble(metric, t[0]), t[2] > 0);
        metrics.add(TriggerMetrics.of(specs, r, false, sj.maxReplicaCount()));
      }
      i++;
    }
    assertThat(JobPlanner.plan(sj, metrics, new JobCounts(running, pending))).isEqualTo(expected);
  }

  /**
   * The poll lists pods only for strategies that read the pending count; for the others it reports
   * pending 0, which must give the very same plan as any real pending count.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource({"cases", "combinations"})
  void pendingChangesNothingUnlessTheStrategyReadsIt(
      String name,
      ScaledJob sj,
      List<double[]> triggers,
      long running,
      long pending,
      JobPlan expected) {
    dev.keda4j.api.v1alpha1.ScalingStrategy spec =
        sj.getSpec() == null ? null : sj.getSpec().getScalingStrategy();
    if (ScalingStrategy.of(spec).usesPending()) {
      return;
    }
    List<TriggerMetric> metrics = new ArrayList<>();
    int i = 0;
    for (double[] t : triggers) {
      if (t != null) {
        String metric = "s" + i + "-q";
        List<MetricSpec> specs =
            List.of(MetricSpec.external(metric, MetricTargetType.AVERAGE_VALUE, (long) t[1]));
        ScalerResult r = ScalerResult.of(MetricValue.ofDouble(metric, t[0]), t[2] > 0);
        metrics.add(TriggerMetrics.of(specs, r, false, sj.maxReplicaCount()));
      }
      i++;
    }
    JobPlan withoutPods = JobPlanner.plan(sj, metrics, new JobCounts(running, 0));
    for (long p = 0; p <= running; p++) {
      assertThat(JobPlanner.plan(sj, metrics, new JobCounts(running, p))).isEqualTo(withoutPods);
    }
    assertThat(withoutPods)
        .isEqualTo(JobPlanner.plan(sj, metrics, new JobCounts(running, pending)));
  }

  private static List<double[]> four() {
    return triggers(t(20, 1, true), t(10, 2, true), t(5, 3, true), t(7, 4, false));
  }

  private static double[] t(double queue, double target, boolean active) {
    return new double[] {queue, target, active ? 1 : 0};
  }

  private static List<double[]> triggers(double[]... ts) {
    List<double[]> out = new ArrayList<>();
    if (ts != null) {
      for (double[] t : ts) {
        out.add(t);
      }
    }
    return out;
  }

  private static JobPlan plan(
      boolean active, long scaleTo, long maxScale, long effectiveMax, long create) {
    return new JobPlan(active, scaleTo, maxScale, effectiveMax, create);
  }
}
