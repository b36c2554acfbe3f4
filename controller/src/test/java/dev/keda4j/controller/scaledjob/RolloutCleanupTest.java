package dev.keda4j.controller.scaledjob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.keda4j.api.v1alpha1.Rollout;
import dev.keda4j.api.v1alpha1.ScaledJob;
import dev.keda4j.api.v1alpha1.ScaledJobSpec;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** scaledjob.md §6, "Test cases" 18. */
class RolloutCleanupTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        arguments(
            "18 immediate (default) deletes old and unannotated",
            null,
            null,
            List.of("g2", "none")),
        arguments("18 immediate explicit", null, "immediate", List.of("g2", "none")),
        arguments("18 gradual deletes none", null, "gradual", List.of()),
        arguments("deprecated rolloutStrategy wins", "gradual", "immediate", List.of()),
        arguments(
            "deprecated rolloutStrategy immediate wins",
            "immediate",
            "gradual",
            List.of("g2", "none")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void selectsJobsOfOldGenerations(
      String name, String deprecated, String strategy, List<String> deleted) {
    ScaledJob sj =
        new ScaledJob()
            .metadata(new V1ObjectMeta().name("sj").generation(3L))
            .spec(
                new ScaledJobSpec()
                    .rolloutStrategy(deprecated)
                    .rollout(new Rollout().strategy(strategy)));
    List<V1Job> jobs = List.of(job("g2", "2"), job("g3", "3"), job("none", null));
    assertThat(RolloutCleanup.jobsToDelete(sj, jobs))
        .extracting(j -> j.getMetadata().getName())
        .containsExactlyElementsOf(deleted);
  }

  private static V1Job job(String name, String generation) {
    V1ObjectMeta m = new V1ObjectMeta().name(name);
    if (generation != null) {
      m.annotations(Map.of(JobFactory.GENERATION_ANNOTATION, generation));
    }
    return new V1Job().metadata(m);
  }
}
