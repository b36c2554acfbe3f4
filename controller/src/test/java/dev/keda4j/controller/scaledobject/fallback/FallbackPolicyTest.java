package dev.keda4j.controller.scaledobject.fallback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keda4j.api.v1alpha1.AdvancedConfig;
import dev.keda4j.api.v1alpha1.Fallback;
import dev.keda4j.api.v1alpha1.HealthStatus;
import dev.keda4j.api.v1alpha1.ScaleTriggers;
import dev.keda4j.api.v1alpha1.ScaledObjectSpec;
import dev.keda4j.api.v1alpha1.ScalingModifiers;
import dev.keda4j.scalers.spi.MetricTargetType;
import dev.keda4j.scalers.spi.MetricValue;
import dev.keda4j.scalers.spi.Quantity;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FallbackPolicyTest {
  static ScaledObjectSpec spec(Fallback fb) {
    return new ScaledObjectSpec().triggers(List.of(new ScaleTriggers().type("redis"))).fallback(fb);
  }

  static Fallback fb(int threshold, int replicas, String behavior) {
    return new Fallback().failureThreshold(threshold).replicas(replicas).behavior(behavior);
  }

  static ScaledObjectSpec modifiers(Fallback fb, String target, String type) {
    return spec(fb)
        .advanced(
            new AdvancedConfig()
                .scalingModifiers(
                    new ScalingModifiers().formula("a").target(target).metricType(type)));
  }

  static HealthStatus failing(int n) {
    return new HealthStatus().numberOfFailures(n).status("Failing");
  }

  static MetricRead error(HealthStatus prev, Integer current) {
    return read(prev, "boom", current, MetricTargetType.AVERAGE_VALUE, null);
  }

  static MetricRead read(
      HealthStatus prev, String err, Integer current, MetricTargetType type, Integer ready) {
    return new MetricRead(
        "s0-redis",
        type,
        Quantity.of(10),
        prev,
        err == null ? List.of(MetricValue.ofCount("s0-redis", 7)) : List.of(),
        err,
        current,
        ready);
  }

  /** name, spec, read, expected failures (null = health untouched), value milli or null, error. */
  static Stream<Arguments> rows() {
    return Stream.concat(rowsPart0(), rowsPart1());
  }

  static Stream<Arguments> rowsPart0() {
    return Stream.of(
        Arguments.of(
            "12 static: 4th failure → 10 × 10 = 100",
            spec(fb(3, 10, "static")),
            error(failing(3), 6),
            4,
            100_000L,
            null),
        Arguments.of(
            "12 behavior unset means static",
            spec(fb(3, 10, null)),
            error(failing(3), 6),
            4,
            100_000L,
            null),
        Arguments.of(
            "12 currentReplicas with 6 current → 60",
            spec(fb(3, 10, "currentReplicas")),
            error(failing(3), 6),
            4,
            60_000L,
            null),
        Arguments.of(
            "12 static with 15 current → 100",
            spec(fb(3, 10, "static")),
            error(failing(3), 15),
            4,
            100_000L,
            null),
        Arguments.of(
            "12 currentReplicasIfHigher with 5 current → 100",
            spec(fb(3, 10, "currentReplicasIfHigher")),
            error(failing(3), 5),
            4,
            100_000L,
            null),
        Arguments.of(
            "currentReplicasIfHigher with 12 current → 120",
            spec(fb(3, 10, "currentReplicasIfHigher")),
            error(failing(3), 12),
            4,
            120_000L,
            null),
        Arguments.of(
            "currentReplicasIfLower with 5 current → 50",
            spec(fb(3, 10, "currentReplicasIfLower")),
            error(failing(3), 5),
            4,
            50_000L,
            null),
        Arguments.of(
            "currentReplicas unreadable → original error",
            spec(fb(3, 10, "currentReplicas")),
            error(failing(3), null),
            4,
            null,
            "boom"),
        Arguments.of(
            "13 failures 1..3 return the error",
            spec(fb(3, 10, "static")),
            error(failing(2), 6),
            3,
            null,
            "boom"),
        Arguments.of(
            "13 first failure from no health",
            spec(fb(3, 10, "static")),
            error(null, 6),
            1,
            null,
            "boom"));
  }

  static Stream<Arguments> rowsPart1() {
    return Stream.of(
        Arguments.of(
            "threshold 0: first failure falls back",
            spec(fb(0, 2, "static")),
            error(null, 6),
            1,
            20_000L,
            null),
        Arguments.of(
            "success resets health to Happy 0",
            spec(fb(3, 10, "static")),
            read(failing(5), null, 6, MetricTargetType.AVERAGE_VALUE, null),
            0,
            7_000L,
            null),
        Arguments.of(
            "no fallback: error passes through, health untouched",
            spec(null),
            error(failing(9), 6),
            null,
            null,
            "boom"),
        Arguments.of(
            "no fallback: success, health untouched",
            spec(null),
            read(null, null, 6, MetricTargetType.AVERAGE_VALUE, null),
            null,
            7_000L,
            null),
        Arguments.of(
            "Value target: replicas spread over 4 ready pods → 10×10/4 = 25",
            spec(fb(0, 10, "static")),
            read(null, "boom", 4, MetricTargetType.VALUE, 4),
            1,
            25_000L,
            null),
        Arguments.of(
            "Value target with no ready pod → error performing fallback",
            spec(fb(0, 10, "static")),
            read(null, "boom", 4, MetricTargetType.VALUE, 0),
            1,
            null,
            "error performing fallback"),
        Arguments.of(
            "scalingModifiers behavior → placeholder −1",
            modifiers(fb(0, 10, "scalingModifiers"), "5", null),
            error(null, 6),
            1,
            -1_000L,
            null),
        Arguments.of(
            "scalingModifiers static → composite target × replicas",
            modifiers(fb(0, 3, "static"), "5", null),
            error(null, 6),
            1,
            15_000L,
            null),
        Arguments.of(
            "15 fractional modifiers target disables fallback",
            modifiers(fb(0, 3, "static"), "2.5", null),
            error(null, 6),
            null,
            null,
            "boom"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void applies(
      String name,
      ScaledObjectSpec spec,
      MetricRead read,
      Integer failures,
      Long milli,
      String error) {
    FallbackOutcome out = FallbackPolicy.apply(spec, read);

    assertThat(out.health() == null ? null : out.health().getNumberOfFailures())
        .isEqualTo(failures);
    assertThat(out.values().isEmpty() ? null : out.values().get(0).value().milliValue())
        .isEqualTo(milli);
    assertThat(out.error()).isEqualTo(error);
  }

  static Stream<Arguments> conditions() {
    return Stream.of(
        Arguments.of(
            "one entry above threshold → FallbackExists",
            spec(fb(3, 10, "static")),
            Map.of("a", failing(4)),
            "FallbackExists"),
        Arguments.of(
            "at threshold → NoFallbackFound",
            spec(fb(3, 10, "static")),
            Map.of("a", failing(3)),
            "NoFallbackFound"),
        Arguments.of(
            "no fallback configured → NoFallbackFound",
            spec(null),
            Map.of("a", failing(40)),
            "NoFallbackFound"),
        Arguments.of(
            "15 fractional modifiers target → NoFallbackFound",
            modifiers(fb(0, 3, "static"), "2.5", null),
            Map.of("a", failing(4)),
            "NoFallbackFound"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("conditions")
  void fallbackCondition(
      String name, ScaledObjectSpec spec, Map<String, HealthStatus> health, String reason) {
    assertThat(FallbackPolicy.condition(spec, health).getReason()).isEqualTo(reason);
  }
}
