package dev.keda4j.controller.scaledjob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.keda4j.api.v1alpha1.Condition;
import dev.keda4j.api.v1alpha1.ScaledJobStatus;
import dev.keda4j.api.v1alpha1.TriggerActivityStatus;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** scaledjob.md §2.5 and "Test cases" 19. */
class PollStatusTest {
  private static final Instant NOW = Instant.parse("2026-11-23T08:00:00.750Z");
  private static final JobPlan ACTIVE = new JobPlan(true, 3, 3, 3, 3);
  private static final JobPlan INACTIVE = new JobPlan(false, 0, 0, 0, 0);

  static Stream<Arguments> cases() {
    return Stream.of(
        arguments(
            "healthy and active",
            ACTIVE,
            List.of(),
            "True",
            "ScaledJobReady",
            "ScaledJob is defined correctly and is ready for scaling",
            "True"),
        arguments(
            "19 some trigger failed while active ⇒ PartialTriggerError",
            ACTIVE,
            List.of("boom"),
            "Unknown",
            "PartialTriggerError",
            "Some triggers defined in ScaledJob are not working correctly",
            "True"),
        arguments(
            "trigger failed while inactive ⇒ TriggerError",
            INACTIVE,
            List.of("boom"),
            "False",
            "TriggerError",
            "Triggers defined in ScaledJob are not working correctly",
            "False"),
        arguments(
            "healthy and inactive",
            INACTIVE,
            List.of(),
            "True",
            "ScaledJobReady",
            "ScaledJob is defined correctly and is ready for scaling",
            "False"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void setsReadyAndActive(
      String name,
      JobPlan plan,
      List<String> errors,
      String ready,
      String reason,
      String message,
      String active) {
    PollStatus.Outcome o =
        PollStatus.next(null, plan, new TriggerReadings(List.of(), errors, Map.of()), NOW);
    Condition r = ScaledJobConditions.get(o.status().getConditions(), "Ready").orElseThrow();
    assertThat(r.getStatus()).isEqualTo(ready);
    assertThat(r.getReason()).isEqualTo(reason);
    assertThat(r.getMessage()).isEqualTo(message);
    assertThat(
            ScaledJobConditions.get(o.status().getConditions(), "Active").orElseThrow().getStatus())
        .isEqualTo(active);
    assertThat(o.status().getConditions())
        .extracting(Condition::getType)
        .containsExactly("Ready", "Active", "Fallback", "Paused");
  }

  @Test
  void activeTransitionsEmitEventsOnceAndSetLastActiveTime() {
    TriggerReadings readings =
        new TriggerReadings(List.of(), List.of(), Map.of("s0-redis-q", true));
    PollStatus.Outcome first = PollStatus.next(null, ACTIVE, readings, NOW);
    assertThat(first.events()).extracting(EventSpec::reason).containsExactly("ScaledJobActive");
    assertThat(first.status().getLastActiveTime())
        .isEqualTo(OffsetDateTime.of(2026, 11, 23, 8, 0, 0, 0, ZoneOffset.UTC));
    assertThat(first.status().getTriggersActivity())
        .isEqualTo(Map.of("s0-redis-q", new TriggerActivityStatus().isActive(true)));

    PollStatus.Outcome again = PollStatus.next(first.status(), ACTIVE, readings, NOW);
    assertThat(again.events()).isEmpty();

    PollStatus.Outcome off =
        PollStatus.next(again.status(), INACTIVE, readings, NOW.plusSeconds(60));
    assertThat(off.events())
        .extracting(EventSpec::message)
        .containsExactly("Scaling is not performed because triggers are not active");
    assertThat(off.status().getLastActiveTime()).isEqualTo(first.status().getLastActiveTime());
  }

  @Test
  void pausedConditionIsKept() {
    ScaledJobStatus known =
        new ScaledJobStatus()
            .conditions(
                ScaledJobConditions.with(
                    null, "Paused", "False", "ScaledJobUnpaused", "ScaledJob is unpaused"));
    PollStatus.Outcome o =
        PollStatus.next(known, ACTIVE, new TriggerReadings(List.of(), List.of(), Map.of()), NOW);
    assertThat(
            ScaledJobConditions.get(o.status().getConditions(), "Paused").orElseThrow().getReason())
        .isEqualTo("ScaledJobUnpaused");
  }
}
