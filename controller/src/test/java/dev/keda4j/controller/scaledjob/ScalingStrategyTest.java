package dev.keda4j.controller.scaledjob;

import static dev.keda4j.controller.scaledjob.ScaledJobs.custom;
import static dev.keda4j.controller.scaledjob.ScaledJobs.strategy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** scaledjob.md "Test cases" 1–4: f(maxScale, running, pending, maxReplicaCount, scaleTo). */
class ScalingStrategyTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        arguments("1 default f(3,2,0,5,1)=1", strategy("default"), 3, 2, 0, 5, 1, 1, 1),
        arguments("1 default f(2,0,0,5,1)=2", strategy("default"), 2, 0, 0, 5, 1, 2, 1),
        arguments("1 empty strategy is default", strategy(""), 2, 0, 0, 5, 1, 2, 1),
        arguments("1 unknown strategy is default", strategy("fancy"), 2, 0, 0, 5, 1, 2, 1),
        arguments("1 no scalingStrategy is default", null, 3, 2, 0, 5, 1, 1, 1),
        arguments("2 custom 1/0.5 f(3,2,0,5)=1", custom(1, "0.5"), 3, 2, 0, 5, 3, 1, 3),
        arguments("2 custom 1/0.5 f(10,0,0,10)=9", custom(1, "0.5"), 10, 0, 0, 10, 10, 9, 10),
        arguments("2 custom params unset = default", custom(null, null), 3, 2, 0, 5, 1, 1, 1),
        arguments("2 custom pct empty = default", custom(1, ""), 3, 2, 0, 5, 1, 1, 1),
        arguments("2 custom pct unparsable = default", custom(1, "half"), 3, 2, 0, 5, 1, 1, 1),
        arguments("2 custom 2/0 f(3,2,0,5)=1", custom(2, "0"), 3, 2, 0, 5, 3, 1, 3),
        arguments("2 custom -2/0 f(3,2,0,4)=4 capped", custom(-2, "0"), 3, 2, 0, 4, 3, 4, 3),
        arguments(
            "2 custom nil/0.5 f(10,2,0,100)=9", custom(null, "0.5"), 10, 2, 0, 100, 10, 9, 10),
        arguments(
            "2 custom nil/0.5 f(10,0,0,100)=10", custom(null, "0.5"), 10, 0, 0, 100, 10, 10, 10),
        arguments("3 accurate f(3,2,0,5)=3", strategy("accurate"), 3, 2, 0, 5, 3, 3, 3),
        arguments("3 accurate f(5,2,0,5)=3", strategy("accurate"), 5, 2, 0, 5, 5, 3, 5),
        arguments("3 accurate f(3,4,2,10)=1", strategy("accurate"), 3, 4, 2, 10, 3, 1, 3),
        arguments("3 accurate f(5,4,2,5)=1", strategy("accurate"), 5, 4, 2, 5, 5, 1, 5),
        arguments("3 accurate f(3,3,3,5)=0", strategy("accurate"), 3, 3, 3, 5, 3, 0, 3),
        arguments("3 accurate f(15,15,15,20)=0", strategy("accurate"), 15, 15, 15, 20, 15, 0, 15),
        arguments("3 accurate f(10,10,10,15)=0", strategy("accurate"), 10, 10, 10, 15, 10, 0, 10),
        arguments("3 accurate f(20,15,10,20)=5", strategy("accurate"), 20, 15, 10, 20, 20, 5, 20),
        arguments("4 eager f(4,3,0,10)=(4,10)", strategy("eager"), 4, 3, 0, 10, 4, 4, 10),
        arguments("4 eager f(4,0,3,10)=(4,10)", strategy("eager"), 4, 0, 3, 10, 4, 4, 10),
        arguments("4 eager f(4,7,0,10)=(3,10)", strategy("eager"), 4, 7, 0, 10, 4, 3, 10),
        arguments("4 eager f(4,1,6,10)=(3,10)", strategy("eager"), 4, 1, 6, 10, 4, 3, 10),
        arguments("4 eager f(15,0,0,10)=(10,10)", strategy("eager"), 15, 0, 0, 10, 15, 10, 10));
  }

  static Stream<Arguments> pendingReaders() {
    return Stream.of(
        arguments(strategy("default"), false),
        arguments(null, false),
        arguments(custom(1, "0.5"), false),
        arguments(custom(1, ""), false),
        arguments(strategy("accurate"), true),
        arguments(strategy("eager"), true));
  }

  @ParameterizedTest(name = "{0} reads pending: {1}")
  @MethodSource("pendingReaders")
  void onlyAccurateAndEagerReadThePendingCount(
      dev.keda4j.api.v1alpha1.ScalingStrategy spec, boolean reads) {
    ScalingStrategy s = ScalingStrategy.of(spec);
    assertThat(s.usesPending()).isEqualTo(reads);
    // a strategy that says it does not read pending must decide the same whatever pending is
    if (!reads) {
      assertThat(s.decide(10, 4, 0, 20, 10)).isEqualTo(s.decide(10, 4, 4, 20, 10));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decides(
      String name,
      dev.keda4j.api.v1alpha1.ScalingStrategy spec,
      long maxScale,
      long running,
      long pending,
      long maxReplicaCount,
      long scaleTo,
      long effectiveMax,
      long expectedScaleTo) {
    StrategyResult r =
        ScalingStrategy.of(spec).decide(maxScale, running, pending, maxReplicaCount, scaleTo);
    assertThat(r).isEqualTo(new StrategyResult(effectiveMax, expectedScaleTo));
  }
}
