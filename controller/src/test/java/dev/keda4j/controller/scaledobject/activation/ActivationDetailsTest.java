package dev.keda4j.controller.scaledobject.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keda4j.controller.scaledobject.activation.PollSummary.TriggerReading;
import dev.keda4j.controller.scaledobject.activation.ScaleDecision.ScaleCommand;
import dev.keda4j.controller.scaledobject.activation.ScaleInput.CurrentReplicas;
import dev.keda4j.controller.scaledobject.activation.ScaleInput.ReplicaSpec;
import dev.keda4j.controller.scaledobject.activation.ScaleInput.TargetRef;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ActivationDetailsTest {
  private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

  @Test
  void eventWithEmptyKindKeepsKedasDoubleSpaceAndActivationFailureEvent() {
    ScaleInput in =
        new ScaleInput(
            new ReplicaSpec(5, 0, null, null, null),
            Annotations.NONE,
            new TargetRef("", "namespace", "name"),
            CurrentReplicas.of(2),
            null,
            null,
            new PollSummary(true, false, List.of("testTrigger"), false),
            List.of());

    ScaleCommand cmd = ActivationPolicy.decide(in, NOW).scale().orElseThrow();

    assertThat(cmd.onSuccess().message())
        .isEqualTo("Scaled  namespace/name from 2 to 5, triggered by testTrigger");
    assertThat(cmd.onFailure().type()).isEqualTo("Warning");
    assertThat(cmd.onFailure().reason()).isEqualTo("KEDAScaleTargetActivationFailed");
    assertThat(cmd.onFailure().message()).isEqualTo("Failed to scale  namespace/name from 2 to 5");
    assertThat(cmd.lastActiveTimeOnSuccess()).isEqualTo(NOW);
  }

  @Test
  void triggersActivityCoversEveryExternalMetricName() {
    ScaleInput in =
        new ScaleInput(
            new ReplicaSpec(1, null, null, null, null),
            Annotations.NONE,
            new TargetRef("apps/v1.Deployment", "ns", "app"),
            CurrentReplicas.of(2),
            null,
            null,
            new PollSummary(true, false, List.of("s1-b"), false),
            List.of("s0-a", "s1-b"));

    assertThat(ActivationPolicy.decide(in, NOW).triggersActivity())
        .isEqualTo(Map.of("s0-a", false, "s1-b", true));
  }

  static Stream<Arguments> annotations() {
    return Stream.of(
        Arguments.of("absent", null, false),
        Arguments.of("true", "true", true),
        Arguments.of("T", "T", true),
        Arguments.of("1", "1", true),
        Arguments.of("false", "false", false),
        Arguments.of("F", "F", false),
        Arguments.of("0", "0", false),
        Arguments.of("unparsable counts as true", "yes", true),
        Arguments.of("empty string is unparsable", "", true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("annotations")
  void parsesBooleansLikeGo(String name, String value, boolean expected) {
    Map<String, String> a = new HashMap<>();
    if (value != null) {
      a.put(Annotations.PAUSED_SCALE_IN, value);
    }
    assertThat(Annotations.of(a).pausedScaleIn()).isEqualTo(expected);
  }

  @Test
  void pausedReplicasMustBeAnInteger() {
    assertThat(Annotations.parsePausedReplicas("3")).isEqualTo(3);
    assertThatThrownBy(() -> Annotations.parsePausedReplicas("three"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("paused-replicas");
  }

  static TriggerReading ok(String type, String metric, boolean active) {
    return new TriggerReading(type, List.of(metric), active, false, null);
  }

  static Stream<Arguments> polls() {
    return Stream.of(
        Arguments.of(
            "one active of two",
            List.of(ok("redis", "s0-r", false), ok("kafka", "s1-k", true)),
            null,
            new PollSummary(true, false, List.of("s1-k"), false)),
        Arguments.of(
            "error and inactive",
            List.of(new TriggerReading("redis", List.of("s0-r"), false, false, "boom")),
            null,
            new PollSummary(false, true, List.of(), false)),
        Arguments.of(
            "fallback counts as active",
            List.of(new TriggerReading("redis", List.of("s0-r"), false, true, null)),
            null,
            new PollSummary(true, false, List.of("s0-r"), true)),
        Arguments.of(
            "only cpu and memory → active",
            List.of(ok("cpu", "cpu", false), ok("memory", "memory", false)),
            null,
            new PollSummary(true, false, List.of(), false)),
        Arguments.of(
            "cpu never makes a mixed object active",
            List.of(ok("cpu", "cpu", true), ok("redis", "s1-r", false)),
            null,
            new PollSummary(false, false, List.of(), false)),
        Arguments.of(
            "modifiers: composite above activation wins over triggers",
            List.of(ok("redis", "s0-r", false)),
            true,
            new PollSummary(true, false, List.of(), false)),
        Arguments.of(
            "modifiers: composite below activation → inactive",
            List.of(ok("redis", "s0-r", true)),
            false,
            new PollSummary(false, false, List.of("s0-r"), false)),
        Arguments.of(
            "modifiers: any error → inactive",
            List.of(
                ok("redis", "s0-r", true),
                new TriggerReading("kafka", List.of("s1-k"), false, false, "down")),
            true,
            new PollSummary(false, true, List.of("s0-r"), false)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("polls")
  void foldsTriggerReadings(
      String name, List<TriggerReading> readings, Boolean composite, PollSummary expected) {
    PollSummary got =
        composite == null
            ? PollSummary.of(readings)
            : PollSummary.withModifiers(readings, composite);
    assertThat(got).isEqualTo(expected);
  }
}
