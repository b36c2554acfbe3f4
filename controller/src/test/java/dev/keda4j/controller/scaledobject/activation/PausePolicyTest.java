package dev.keda4j.controller.scaledobject.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keda4j.controller.scaledobject.activation.PausePolicy.PauseDecision;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PausePolicyTest {
  private static Map<String, String> ann(String... kv) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  static Stream<Arguments> rows() {
    return Stream.of(
        Arguments.of("no annotation", ann(), 3, PauseDecision.NONE),
        Arguments.of(
            "paused=false is no pause", ann(Annotations.PAUSED, "false"), 3, PauseDecision.NONE),
        Arguments.of(
            "paused: loop stopped, HPA deleted, replicas frozen, no pausedReplicaCount",
            ann(Annotations.PAUSED, "true"),
            3,
            new PauseDecision(true, true, null, null, false, false)),
        Arguments.of(
            "unparsable paused value counts as true (KEDA)",
            ann(Annotations.PAUSED, "yes"),
            3,
            new PauseDecision(true, true, null, null, false, false)),
        Arguments.of(
            "20 paused-replicas 3 on a target at 7 → scaled to 3, pausedReplicaCount 3",
            ann(Annotations.PAUSED_REPLICAS, "3"),
            7,
            new PauseDecision(true, true, 3, 3, false, false)),
        Arguments.of(
            "paused-replicas already held → no write",
            ann(Annotations.PAUSED_REPLICAS, "3"),
            3,
            new PauseDecision(true, true, null, 3, false, false)),
        Arguments.of(
            "paused-replicas 0 wins over paused=false",
            ann(Annotations.PAUSED, "false", Annotations.PAUSED_REPLICAS, "0"),
            5,
            new PauseDecision(true, true, 0, 0, false, false)),
        Arguments.of(
            "unknown current replicas → written",
            ann(Annotations.PAUSED_REPLICAS, "2"),
            null,
            new PauseDecision(true, true, 2, 2, false, false)),
        Arguments.of(
            "paused-scale-in: loop keeps running, HPA scaleDown disabled",
            ann(Annotations.PAUSED_SCALE_IN, "true"),
            3,
            new PauseDecision(true, false, null, null, true, false)),
        Arguments.of(
            "paused-scale-out: HPA scaleUp disabled",
            ann(Annotations.PAUSED_SCALE_OUT, "true"),
            3,
            new PauseDecision(true, false, null, null, false, true)),
        Arguments.of(
            "both directions",
            ann(Annotations.PAUSED_SCALE_IN, "true", Annotations.PAUSED_SCALE_OUT, "1"),
            3,
            new PauseDecision(true, false, null, null, true, true)),
        Arguments.of(
            "full pause overrides the directional ones",
            ann(Annotations.PAUSED, "true", Annotations.PAUSED_SCALE_IN, "true"),
            3,
            new PauseDecision(true, true, null, null, false, false)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void decides(String name, Map<String, String> annotations, Integer current, PauseDecision want) {
    assertThat(PausePolicy.decide(Annotations.of(annotations), current)).isEqualTo(want);
  }

  @Test
  void badPausedReplicasIsAReconcileErrorNamingTheAnnotation() {
    assertThatThrownBy(
            () -> PausePolicy.decide(Annotations.of(ann(Annotations.PAUSED_REPLICAS, "x")), 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(Annotations.PAUSED_REPLICAS);
    assertThatThrownBy(
            () -> PausePolicy.decide(Annotations.of(ann(Annotations.PAUSED_REPLICAS, "-1")), 1))
        .hasMessageContaining("must not be negative");
    assertThatThrownBy(
            () ->
                PausePolicy.decide(
                    Annotations.of(ann(Annotations.PAUSED_REPLICAS, "99999999999")), 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  static Stream<Arguments> holdsRows() {
    return Stream.of(
        Arguments.of("same count", ann(Annotations.PAUSED_REPLICAS, "3"), 3, true),
        Arguments.of("other count", ann(Annotations.PAUSED_REPLICAS, "4"), 3, false),
        Arguments.of("annotation removed", ann(), 3, false),
        Arguments.of("plain paused holds no count", ann(Annotations.PAUSED, "true"), 3, false),
        Arguments.of(
            "paused=false does not lift paused-replicas",
            ann(Annotations.PAUSED, "false", Annotations.PAUSED_REPLICAS, "0"),
            0,
            true),
        Arguments.of("bad value holds nothing", ann(Annotations.PAUSED_REPLICAS, "abc"), 3, false),
        Arguments.of("negative holds nothing", ann(Annotations.PAUSED_REPLICAS, "-1"), -1, false),
        Arguments.of(
            "directional pause holds no count",
            ann(Annotations.PAUSED_SCALE_IN, "true"),
            3,
            false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("holdsRows")
  void guardHoldsOnlyWhileTheAnnotationsAskForThatCount(
      String name, Map<String, String> annotations, int replicas, boolean want) {
    assertThat(PausePolicy.holds(Annotations.of(annotations), replicas)).isEqualTo(want);
  }
}
