package dev.keda4j.controller.scaledjob;

import static dev.keda4j.controller.scaledjob.JobFixtures.finished;
import static dev.keda4j.controller.scaledjob.JobFixtures.running;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.keda4j.api.v1alpha1.ScaledJob;
import dev.keda4j.api.v1alpha1.ScaledJobSpec;
import io.kubernetes.client.openapi.models.V1Job;
import java.util.ArrayList;
import java.util.List;
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

  private static V1Job c(String name, String t) {
    return finished(name, "Complete", t);
  }

  private static V1Job f(String name, String t) {
    return finished(name, "Failed", t);
  }
}
