package dev.keda4j.controller.scaledjob;

import static dev.keda4j.controller.scaledjob.JobFixtures.finished;
import static dev.keda4j.controller.scaledjob.JobFixtures.running;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.keda4j.api.v1alpha1.ScaledJob;
import dev.keda4j.api.v1alpha1.ScaledJobSpec;
import io.kubernetes.client.openapi.models.V1Job;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** scaledjob.md §4, "Test cases" 13–15. */
class HistoryCleanupTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        arguments(
            "13 successLimit 2 deletes the 15:36 job only",
            2,
            100,
            List.of(c("s37", "15:37"), c("s36", "15:36"), c("s38", "15:38"), running("r")),
            List.of("s36")),
        arguments(
            "14 successLimit 1 failedLimit 2",
            1,
            2,
            List.of(
                c("s37", "15:37"),
                c("s36", "15:36"),
                c("s35", "15:35"),
                f("f37", "15:37"),
                f("f36", "15:36"),
                f("f38", "15:38")),
            List.of("s35", "s36", "f36")),
        arguments(
            "limit 0 deletes every finished job of that kind",
            0,
            100,
            List.of(c("s1", "10:00"), f("f1", "10:00"), running("r")),
            List.of("s1")),
        arguments(
            "jobs without completion time keep their order",
            1,
            100,
            List.of(c("a", null), c("b", null), c("c", null)),
            List.of("a", "b")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void deletesOldestBeyondLimits(
      String name, int success, int failed, List<V1Job> jobs, List<String> deleted) {
    assertThat(HistoryCleanup.jobsToDelete(jobs, success, failed))
        .extracting(j -> j.getMetadata().getName())
        .containsExactlyElementsOf(deleted);
  }

  @Test
  void defaultLimitsKeepAHundredOfEachKindCase15() {
    List<V1Job> jobs = new ArrayList<>();
    for (int i = 0; i <= 100; i++) {
      String t = String.format("%02d:%02d", 10 + i / 60, i % 60);
      jobs.add(c("s" + i, t));
      jobs.add(f("f" + i, t));
    }
    ScaledJob sj = new ScaledJob().spec(new ScaledJobSpec());
    assertThat(HistoryCleanup.jobsToDelete(sj, jobs))
        .extracting(j -> j.getMetadata().getName())
        .containsExactly("s0", "f0");
  }

  /** Jobs "name@batch" listed; the expired ones named; the batches and singles expected. */
  static Stream<Arguments> deletions() {
    return Stream.of(
        arguments(
            "a batch entirely expired: one deletecollection",
            List.of(b(c("a", "10:00"), "p1"), b(c("b", "10:01"), "p1"), b(c("c", "10:02"), "p1")),
            List.of("a", "b", "c"),
            List.of("p1"),
            List.of()),
        arguments(
            "a batch partly expired: single deletes only (the kept member must stay)",
            List.of(b(c("a", "10:00"), "p1"), b(c("b", "10:01"), "p1"), b(c("c", "10:02"), "p1")),
            List.of("a", "b"),
            List.of(),
            List.of("a", "b")),
        arguments(
            "a batch with a running member is never deleted whole",
            List.of(b(c("a", "10:00"), "p1"), b(c("b", "10:01"), "p1"), b(running("r"), "p1")),
            List.of("a", "b"),
            List.of(),
            List.of("a", "b")),
        arguments(
            "a one-job batch is a single delete",
            List.of(b(c("a", "10:00"), "p1"), b(c("b", "10:01"), "p2")),
            List.of("a"),
            List.of(),
            List.of("a")),
        arguments(
            "jobs without the label (older operators, KEDA) are single deletes",
            List.of(c("a", "10:00"), c("b", "10:01"), c("c", "10:02")),
            List.of("a", "b"),
            List.of(),
            List.of("a", "b")),
        arguments(
            "completed and failed members of one batch, all expired",
            List.of(b(c("a", "10:00"), "p1"), b(f("b", "10:01"), "p1"), b(c("x", "11:00"), "p2")),
            List.of("a", "b"),
            List.of("p1"),
            List.of()),
        arguments(
            "whole batches, a partial one and unlabelled jobs together, order kept",
            List.of(
                b(c("a1", "10:00"), "p1"),
                b(c("a2", "10:01"), "p1"),
                b(c("b1", "10:02"), "p2"),
                b(c("b2", "10:03"), "p2"),
                c("u", "10:04"),
                b(c("c1", "10:05"), "p3"),
                b(c("c2", "10:06"), "p3")),
            List.of("a1", "a2", "b1", "b2", "u", "c1"),
            List.of("p1", "p2"),
            List.of("u", "c1")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("deletions")
  void plansBatchDeletesThatRemoveExactlyTheExpiredJobs(
      String name,
      List<V1Job> listed,
      List<String> expiredNames,
      List<String> batches,
      List<String> singles) {
    List<V1Job> expired =
        listed.stream().filter(j -> expiredNames.contains(j.getMetadata().getName())).toList();
    HistoryCleanup.Deletion d = HistoryCleanup.plan(listed, expired);
    assertThat(d.batches()).containsExactlyElementsOf(batches);
    assertThat(d.singles())
        .extracting(j -> j.getMetadata().getName())
        .containsExactlyElementsOf(singles);
    assertThat(d.writes()).isEqualTo(batches.size() + singles.size());
    // what the API removes (every listed member of a deleted batch, plus the singles) is exactly
    // the expired set: the Job-level semantics of the spec are kept
    Set<String> removed = new HashSet<>();
    for (V1Job j : listed) {
      String batch = JobFactory.batch(j);
      if (batch != null && d.batches().contains(batch)) {
        removed.add(j.getMetadata().getName());
      }
    }
    d.singles().forEach(j -> removed.add(j.getMetadata().getName()));
    assertThat(removed).containsExactlyInAnyOrderElementsOf(expiredNames);
  }

  @Test
  void oldestFirstByCompletionTimeThenWholeBatchesForTheBenchmarkShape() {
    // 40 batches of 25, completing in creation order; limit 100 ⇒ the 900 oldest go
    List<V1Job> jobs = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      V1Job j = c("j" + i, "00:00");
      j.getStatus().setCompletionTime(j.getStatus().getCompletionTime().plusSeconds(i));
      jobs.add(b(j, "poll-" + (i / JobFactory.BATCH_SIZE)));
    }
    List<V1Job> expired = HistoryCleanup.jobsToDelete(jobs, 100, 100);
    assertThat(expired).hasSize(900);
    assertThat(expired.get(0).getMetadata().getName()).isEqualTo("j0");
    HistoryCleanup.Deletion d = HistoryCleanup.plan(jobs, expired);
    assertThat(d.batches()).hasSize(36);
    assertThat(d.singles()).isEmpty();
  }

  private static V1Job b(V1Job job, String batch) {
    job.getMetadata().putLabelsItem(JobFactory.BATCH_LABEL, batch);
    return job;
  }

  private static V1Job c(String name, String t) {
    return finished(name, "Complete", t);
  }

  private static V1Job f(String name, String t) {
    return finished(name, "Failed", t);
  }
}
