package dev.keda4j.controller.scaling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keda4j.controller.scaling.RebuildRule.Action;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RebuildRuleTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:01:00Z");
  private static final Duration LOOP = Duration.ZERO;
  private static final Duration API = Duration.ofSeconds(30);

  static Stream<Arguments> table() {
    return Stream.of(
        // stillHeld, heldBuilt, lastRebuild (s before now, null never), spacing, expected
        Arguments.of(true, true, null, LOOP, Action.REBUILD),
        Arguments.of(true, true, 0L, LOOP, Action.REBUILD),
        Arguments.of(true, true, null, API, Action.REBUILD),
        Arguments.of(true, true, 15L, API, Action.GIVE_UP),
        Arguments.of(true, true, 29L, API, Action.GIVE_UP),
        Arguments.of(true, true, 30L, API, Action.REBUILD),
        Arguments.of(true, true, 45L, API, Action.REBUILD),
        Arguments.of(false, true, 1L, API, Action.POLL_CURRENT),
        Arguments.of(false, true, null, LOOP, Action.POLL_CURRENT),
        Arguments.of(false, false, null, LOOP, Action.GIVE_UP),
        Arguments.of(false, false, 100L, API, Action.GIVE_UP));
  }

  @ParameterizedTest
  @MethodSource("table")
  void decides(
      boolean stillHeld, boolean heldBuilt, Long secondsAgo, Duration spacing, Action expected) {
    Instant last = secondsAgo == null ? null : NOW.minusSeconds(secondsAgo);
    assertThat(RebuildRule.decide(stillHeld, heldBuilt, last, NOW, spacing)).isEqualTo(expected);
  }
}
