package dev.keda4j.controller.scaledobject.activation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keda4j.api.v1alpha1.Condition;
import dev.keda4j.controller.scaledobject.activation.PollSummary.TriggerReading;
import dev.keda4j.controller.scaledobject.activation.ScaleDecision.ScaleCommand;
import dev.keda4j.controller.scaledobject.activation.ScaleInput.CurrentReplicas;
import dev.keda4j.controller.scaledobject.activation.ScaleInput.ReplicaSpec;
import dev.keda4j.controller.scaledobject.activation.ScaleInput.TargetRef;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ActivationPolicyTest {
  private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
  private static final Instant LONG_AGO = NOW.minusSeconds(86_400);
  private static final TargetRef TARGET = new TargetRef("apps/v1.Deployment", "ns", "app");
  private static final PollSummary ACTIVE = new PollSummary(true, false, List.of("s0-q"), false);
  private static final PollSummary INACTIVE = new PollSummary(false, false, List.of(), false);
  private static final PollSummary ACTIVE_WITH_ERROR =
      new PollSummary(true, true, List.of("s0-q"), false);
  private static final PollSummary INACTIVE_WITH_ERROR =
      new PollSummary(false, true, List.of(), false);

  /** One row: inputs, expected replicas written (null = none), expected reasons, lastActive. */
  record Row(
      String name,
      ReplicaSpec spec,
      Map<String, String> annotations,
      CurrentReplicas current,
      Instant lastActive,
      Instant created,
      PollSummary poll,
      Integer expectedScaleTo,
      List<String> expectedReasons,
      Instant expectedLastActive,
      String expectedSuccessEvent) {
    @Override
    public String toString() {
      return name;
    }
  }

  static ReplicaSpec spec(Integer min, Integer idle) {
    return new ReplicaSpec(min, idle, null, null, null);
  }

  static ReplicaSpec spec(Integer min, Integer idle, Integer cooldown, Integer initial) {
    return new ReplicaSpec(min, idle, cooldown, initial, null);
  }

  static ReplicaSpec withFallback(Integer min, int fallbackReplicas) {
    return new ReplicaSpec(min, null, null, null, fallbackReplicas);
  }

  static Stream<Arguments> rows() {
    return Stream.of(rowsPart0(), rowsPart1(), rowsPart2(), rowsPart3())
        .flatMap(s -> s)
        .map(Arguments::of);
  }

  static Stream<Row> rowsPart0() {
    return Stream.of(
        new Row(
            "1 min=0, 10 replicas, inactive, never active, created long ago → 0",
            spec(0, null),
            Map.of(),
            CurrentReplicas.of(10),
            null,
            LONG_AGO,
            INACTIVE,
            0,
            List.of("ScaledObjectReady", "ScalerNotActive"),
            null,
            "Normal KEDAScaleTargetDeactivated Deactivated apps/v1.Deployment ns/app from 10 to"
                + " 0"),
        new Row(
            "2 min=5 idle=0 current=2 active → 5 with trigger in event",
            spec(5, 0),
            Map.of(),
            CurrentReplicas.of(2),
            null,
            LONG_AGO,
            new PollSummary(true, false, List.of("testTrigger"), false),
            5,
            List.of("ScaledObjectReady", "ScalerActive"),
            null,
            "Normal KEDAScaleTargetActivated Scaled apps/v1.Deployment ns/app from 2 to 5,"
                + " triggered by testTrigger"),
        new Row(
            "3a min=0 current=0 active → 1",
            spec(0, null),
            Map.of(),
            CurrentReplicas.of(0),
            null,
            LONG_AGO,
            ACTIVE,
            1,
            List.of("ScaledObjectReady", "ScalerActive"),
            null,
            "Normal KEDAScaleTargetActivated Scaled apps/v1.Deployment ns/app from 0 to 1,"
                + " triggered by s0-q"),
        new Row(
            "3b min=3 current=0 active → 3",
            spec(3, null),
            Map.of(),
            CurrentReplicas.of(0),
            null,
            LONG_AGO,
            ACTIVE,
            3,
            List.of("ScaledObjectReady", "ScalerActive"),
            null,
            "Normal KEDAScaleTargetActivated Scaled apps/v1.Deployment ns/app from 0 to 3,"
                + " triggered by s0-q"),
        new Row(
            "3c active between min and max → keep, lastActiveTime refreshed",
            spec(1, null),
            Map.of(),
            CurrentReplicas.of(4),
            LONG_AGO,
            LONG_AGO,
            ACTIVE,
            null,
            List.of("ScaledObjectReady", "ScalerActive"),
            NOW,
            null),
        new Row(
            "4a inactive 200s after last activity with cooldown 300 → ScalerCooldown",
            spec(0, null, 300, null),
            Map.of(),
            CurrentReplicas.of(4),
            NOW.minusSeconds(200),
            LONG_AGO,
            INACTIVE,
            null,
            List.of("ScaledObjectReady", "ScalerNotActive", "ScalerCooldown"),
            null,
            null),
        new Row(
            "4b inactive exactly 300s after last activity → still cooling down",
            spec(0, null, 300, null),
            Map.of(),
            CurrentReplicas.of(4),
            NOW.minusSeconds(300),
            LONG_AGO,
            INACTIVE,
            null,
            List.of("ScaledObjectReady", "ScalerNotActive", "ScalerCooldown"),
            null,
            null),
        new Row(
            "4c inactive 301s after last activity → 0",
            spec(0, null, 300, null),
            Map.of(),
            CurrentReplicas.of(4),
            NOW.minusSeconds(301),
            LONG_AGO,
            INACTIVE,
            0,
            List.of("ScaledObjectReady", "ScalerNotActive"),
            null,
            "Normal KEDAScaleTargetDeactivated Deactivated apps/v1.Deployment ns/app from 4 to"
                + " 0"));
  }

  static Stream<Row> rowsPart1() {
    return Stream.of(
        new Row(
            "4d default cooldown is 300s",
            spec(0, null),
            Map.of(),
            CurrentReplicas.of(4),
            NOW.minusSeconds(299),
            LONG_AGO,
            INACTIVE,
            null,
            List.of("ScaledObjectReady", "ScalerNotActive", "ScalerCooldown"),
            null,
            null),
        new Row(
            "4e initialCooldownPeriod since creation holds a never-active object",
            spec(0, null, 300, 120),
            Map.of(),
            CurrentReplicas.of(2),
            null,
            NOW.minusSeconds(60),
            INACTIVE,
            null,
            List.of("ScaledObjectReady", "ScalerNotActive", "ScalerCooldown"),
            null,
            null),
        new Row(
            "4f initialCooldownPeriod elapsed → 0",
            spec(0, null, 300, 120),
            Map.of(),
            CurrentReplicas.of(2),
            null,
            NOW.minusSeconds(121),
            INACTIVE,
            0,
            List.of("ScaledObjectReady", "ScalerNotActive"),
            null,
            "Normal KEDAScaleTargetDeactivated Deactivated apps/v1.Deployment ns/app from 2 to"
                + " 0"),
        new Row(
            "4g idle set: inactive past cooldown → idle",
            spec(3, 1),
            Map.of(),
            CurrentReplicas.of(3),
            NOW.minusSeconds(1000),
            LONG_AGO,
            INACTIVE,
            1,
            List.of("ScaledObjectReady", "ScalerNotActive"),
            null,
            "Normal KEDAScaleTargetDeactivated Deactivated apps/v1.Deployment ns/app from 3 to"
                + " 1"),
        new Row(
            "4h idle set and current at idle → nothing",
            spec(3, 1),
            Map.of(),
            CurrentReplicas.of(1),
            NOW.minusSeconds(1000),
            LONG_AGO,
            INACTIVE,
            null,
            List.of("ScaledObjectReady", "ScalerNotActive"),
            null,
            null),
        new Row(
            "4i idle set, current below min, active → min",
            spec(3, 1),
            Map.of(),
            CurrentReplicas.of(1),
            null,
            LONG_AGO,
            ACTIVE,
            3,
            List.of("ScaledObjectReady", "ScalerActive"),
            null,
            "Normal KEDAScaleTargetActivated Scaled apps/v1.Deployment ns/app from 1 to 3,"
                + " triggered by s0-q"),
        new Row(
            "5 paused-scale-in → no scale to zero",
            spec(0, null, 300, null),
            Map.of(Annotations.PAUSED_SCALE_IN, "true"),
            CurrentReplicas.of(4),
            NOW.minusSeconds(301),
            LONG_AGO,
            INACTIVE,
            null,
            List.of("ScaledObjectReady", "ScalerNotActive"),
            null,
            null),
        new Row(
            "6 paused-scale-out → stays at 0 though active",
            spec(0, null),
            Map.of(Annotations.PAUSED_SCALE_OUT, "true"),
            CurrentReplicas.of(0),
            null,
            LONG_AGO,
            ACTIVE,
            null,
            List.of("ScaledObjectReady", "ScalerActive"),
            null,
            null));
  }

  static Stream<Row> rowsPart2() {
    return Stream.of(
        new Row(
            "7 force-activation while inactive → 1, caused by annotation",
            spec(0, null),
            Map.of(Annotations.FORCE_ACTIVATION, "true"),
            CurrentReplicas.of(0),
            null,
            LONG_AGO,
            INACTIVE,
            1,
            List.of("ScaledObjectReady", "ScalerActive"),
            null,
            "Normal KEDAScaleTargetActivated Scaled apps/v1.Deployment ns/app from 0 to 1,"
                + " caused by forced activation annotation"),
        new Row(
            "7b force-activation keeps a running target from scale to zero",
            spec(0, null),
            Map.of(Annotations.FORCE_ACTIVATION, "yes"),
            CurrentReplicas.of(3),
            NOW.minusSeconds(10_000),
            LONG_AGO,
            INACTIVE,
            null,
            List.of("ScaledObjectReady", "ScalerActive"),
            NOW,
            null),
        new Row(
            "8 min=2 idle unset current=1 inactive → 2 without event",
            spec(2, null),
            Map.of(),
            CurrentReplicas.of(1),
            null,
            LONG_AGO,
            INACTIVE,
            2,
            List.of("ScaledObjectReady", "ScalerNotActive"),
            null,
            null),
        new Row(
            "9a inactive + error + no fallback → TriggerError, no scale to zero",
            spec(0, null),
            Map.of(),
            CurrentReplicas.of(5),
            NOW.minusSeconds(10_000),
            LONG_AGO,
            INACTIVE_WITH_ERROR,
            null,
            List.of("ScaledObjectReady", "ScalerNotActive", "TriggerError"),
            null,
            null),
        new Row(
            "9b active + error → PartialTriggerError, lastActiveTime kept",
            spec(0, null),
            Map.of(),
            CurrentReplicas.of(5),
            LONG_AGO,
            LONG_AGO,
            ACTIVE_WITH_ERROR,
            null,
            List.of("ScaledObjectReady", "ScalerActive", "PartialTriggerError"),
            null,
            null),
        new Row(
            "9c inactive + error + fallback replicas 3 → nothing (HPA holds fallback)",
            withFallback(0, 3),
            Map.of(),
            CurrentReplicas.of(5),
            NOW.minusSeconds(10_000),
            LONG_AGO,
            INACTIVE_WITH_ERROR,
            null,
            List.of("ScaledObjectReady", "ScalerNotActive"),
            null,
            null),
        new Row(
            "9d KEDA quirk: inactive + error + fallback replicas 0 → falls through to zero",
            withFallback(0, 0),
            Map.of(),
            CurrentReplicas.of(5),
            NOW.minusSeconds(10_000),
            LONG_AGO,
            INACTIVE_WITH_ERROR,
            0,
            List.of("ScaledObjectReady", "ScalerNotActive"),
            null,
            "Normal KEDAScaleTargetDeactivated Deactivated apps/v1.Deployment ns/app from 5 to"
                + " 0"),
        new Row(
            "9e active + error at zero still activates",
            spec(0, null),
            Map.of(),
            CurrentReplicas.of(0),
            null,
            LONG_AGO,
            ACTIVE_WITH_ERROR,
            1,
            List.of("ScaledObjectReady", "ScalerActive"),
            null,
            "Normal KEDAScaleTargetActivated Scaled apps/v1.Deployment ns/app from 0 to 1,"
                + " triggered by s0-q"));
  }

  static Stream<Row> rowsPart3() {
    return Stream.of(
        new Row(
            "11 only cpu trigger, min=1 → active, never scaled to 0",
            spec(1, null),
            Map.of(),
            CurrentReplicas.of(1),
            NOW.minusSeconds(10_000),
            LONG_AGO,
            PollSummary.of(List.of(new TriggerReading("cpu", List.of(), false, false, null))),
            null,
            List.of("ScaledObjectReady", "ScalerActive"),
            NOW,
            null),
        new Row(
            "paused → Paused condition, nothing else",
            spec(0, null),
            Map.of(Annotations.PAUSED, "true"),
            CurrentReplicas.of(5),
            null,
            LONG_AGO,
            INACTIVE,
            null,
            List.of("ScaledObjectReady", "ScaledObjectPaused"),
            null,
            null),
        new Row(
            "paused-replicas present even with paused=false → paused",
            spec(0, null),
            Map.of(Annotations.PAUSED, "false", Annotations.PAUSED_REPLICAS, "0"),
            CurrentReplicas.of(5),
            null,
            LONG_AGO,
            ACTIVE,
            null,
            List.of("ScaledObjectReady", "ScaledObjectPaused"),
            null,
            null),
        new Row(
            "current replicas unreadable → ErrorGettingCurrentReplicas only",
            spec(0, null),
            Map.of(),
            CurrentReplicas.failed("deployments.apps \"app\" not found"),
            null,
            LONG_AGO,
            ACTIVE,
            null,
            List.of("ErrorGettingCurrentReplicas"),
            null,
            null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void decides(Row row) {
    ScaleInput in =
        new ScaleInput(
            row.spec(),
            Annotations.of(row.annotations()),
            TARGET,
            row.current(),
            row.lastActive(),
            row.created(),
            row.poll(),
            List.of("s0-q", "s1-other"));

    ScaleDecision d = ActivationPolicy.decide(in, NOW);

    assertThat(d.conditions()).extracting(Condition::getReason).isEqualTo(row.expectedReasons());
    assertThat(d.scale().map(ScaleCommand::to).orElse(null)).isEqualTo(row.expectedScaleTo());
    assertThat(d.lastActiveTime()).isEqualTo(row.expectedLastActive());
    String event =
        d.scale()
            .map(ScaleCommand::onSuccess)
            .map(e -> e.type() + " " + e.reason() + " " + e.message())
            .orElse(null);
    assertThat(event).isEqualTo(row.expectedSuccessEvent());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void neverScalesToZeroOnAnErrorWithoutFallbackZero(Row row) {
    boolean errorWithoutZeroFallback =
        row.poll().error()
            && (row.spec().fallbackReplicas() == null || row.spec().fallbackReplicas() != 0);
    ScaleInput in =
        new ScaleInput(
            row.spec(),
            Annotations.of(row.annotations()),
            TARGET,
            row.current(),
            row.lastActive(),
            row.created(),
            row.poll(),
            List.of());
    ScaleDecision d = ActivationPolicy.decide(in, NOW);
    if (errorWithoutZeroFallback) {
      assertThat(d.scale().map(ScaleCommand::to).orElse(1)).isPositive();
    } else {
      assertThat(d.conditions()).isNotEmpty();
    }
  }
}
