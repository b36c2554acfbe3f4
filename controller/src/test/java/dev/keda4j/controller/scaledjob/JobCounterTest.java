package dev.keda4j.controller.scaledjob;

import static dev.keda4j.controller.scaledjob.JobFixtures.finished;
import static dev.keda4j.controller.scaledjob.JobFixtures.pod;
import static dev.keda4j.controller.scaledjob.JobFixtures.running;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.kubernetes.client.openapi.models.V1Pod;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** scaledjob.md "Test cases" 16 and §2.3. */
class JobCounterTest {
  private static final List<String> READY_SCHEDULED = List.of("Ready", "PodScheduled");

  static Stream<Arguments> cases() {
    return Stream.of(
        arguments("16 phase Succeeded ⇒ 0", List.of(pod("Succeeded")), List.of(), 0),
        arguments("16 phase Running ⇒ 0", List.of(pod("Running")), List.of(), 0),
        arguments("16 phase Failed ⇒ 1", List.of(pod("Failed")), List.of(), 1),
        arguments("16 phase Pending ⇒ 1", List.of(pod("Pending")), List.of(), 1),
        arguments("16 phase Unknown ⇒ 1", List.of(pod("Unknown")), List.of(), 1),
        arguments("no pods ⇒ 1", List.of(), List.of(), 1),
        arguments("16 conditions: none ⇒ 1", List.of(pod("Running")), READY_SCHEDULED, 1),
        arguments(
            "16 conditions: only Ready ⇒ 1", List.of(pod("Running", "Ready")), READY_SCHEDULED, 1),
        arguments(
            "16 conditions: only PodScheduled ⇒ 1",
            List.of(pod("Pending", "PodScheduled")),
            READY_SCHEDULED,
            1),
        arguments(
            "16 conditions: both ⇒ 0",
            List.of(pod("Running", "Ready", "PodScheduled")),
            READY_SCHEDULED,
            0),
        arguments(
            "16 conditions: 2 pods one with both ⇒ 0",
            List.of(pod("Pending"), pod("Running", "Ready", "PodScheduled")),
            READY_SCHEDULED,
            0),
        arguments(
            "16 conditions: 2 pods each with one ⇒ 1",
            List.of(pod("Running", "Ready"), pod("Pending", "PodScheduled")),
            READY_SCHEDULED,
            1),
        arguments(
            "16 conditions: 3 pods one complete ⇒ 0",
            List.of(
                pod("Pending"), pod("Running", "Ready"), pod("Running", "Ready", "PodScheduled")),
            READY_SCHEDULED,
            0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void countsPending(String name, List<V1Pod> pods, List<String> conditions, long pending) {
    JobCounts c =
        JobCounter.count(List.of(running("j")), Optional.of(Map.of("j", pods)), conditions);
    assertThat(c).isEqualTo(new JobCounts(1, pending));
  }

  @Test
  void finishedJobsAreNeitherRunningNorPending() {
    JobCounts c =
        JobCounter.count(
            List.of(
                running("a"), finished("b", "Complete", "15:00"), finished("c", "Failed", null)),
            Optional.of(Map.of()),
            null);
    assertThat(c).isEqualTo(new JobCounts(1, 1));
  }

  @Test
  void podListFailureCountsEveryUnfinishedJobPending() {
    JobCounts c =
        JobCounter.count(List.of(running("a"), running("b")), Optional.empty(), List.of());
    assertThat(c).isEqualTo(new JobCounts(2, 2));
  }
}
