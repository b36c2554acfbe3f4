package dev.keda4j.controller.scaledjob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.keda4j.api.v1alpha1.ScaledJob;
import dev.keda4j.api.v1alpha1.ScaledJobSpec;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1JobSpec;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1OwnerReference;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** scaledjob.md §5, "Test cases" 17. */
class JobFactoryTest {
  private static final JobFactory FACTORY = new JobFactory("2.17.0");

  static ScaledJob seed() {
    return new ScaledJob()
        .metadata(
            new V1ObjectMeta()
                .name("test")
                .namespace("ns")
                .uid("uid-1")
                .generation(0L)
                .labels(Map.of("test", "test"))
                .annotations(Map.of("test", "test")))
        .spec(
            new ScaledJobSpec()
                .jobTargetRef(
                    new V1JobSpec()
                        .parallelism(1)
                        .completions(1)
                        .activeDeadlineSeconds(600L)
                        .backoffLimit(5)
                        .template(
                            new V1PodTemplateSpec()
                                .spec(
                                    new V1PodSpec()
                                        .addContainersItem(
                                            new V1Container().name("c").image("img"))))));
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        arguments(
            "17 annotations: SJ annotations plus generation",
            seed(),
            (Consumer<V1Job>)
                j ->
                    assertThat(j.getMetadata().getAnnotations())
                        .containsExactlyInAnyOrderEntriesOf(
                            Map.of("test", "test", JobFactory.GENERATION_ANNOTATION, "0"))),
        arguments(
            "17 labels: KEDA's plus the SJ's",
            seed(),
            (Consumer<V1Job>)
                j ->
                    assertThat(j.getMetadata().getLabels())
                        .containsExactlyInAnyOrderEntriesOf(
                            Map.of(
                                "app.kubernetes.io/name", "test",
                                "app.kubernetes.io/version", "2.17.0",
                                "app.kubernetes.io/part-of", "test",
                                "app.kubernetes.io/managed-by", "keda-operator",
                                "scaledjob.keda.sh/name", "test",
                                "test", "test"))),
        arguments(
            "17 generateName and namespace",
            seed(),
            (Consumer<V1Job>)
                j -> {
                  assertThat(j.getMetadata().getGenerateName()).isEqualTo("test-");
                  assertThat(j.getMetadata().getName()).isNull();
                  assertThat(j.getMetadata().getNamespace()).isEqualTo("ns");
                  assertThat(j.getApiVersion()).isEqualTo("batch/v1");
                  assertThat(j.getKind()).isEqualTo("Job");
                }),
        arguments(
            "17 restartPolicy OnFailure when empty",
            seed(),
            (Consumer<V1Job>)
                j ->
                    assertThat(j.getSpec().getTemplate().getSpec().getRestartPolicy())
                        .isEqualTo("OnFailure")),
        arguments(
            "restartPolicy Never is kept",
            withRestartPolicy("Never"),
            (Consumer<V1Job>)
                j ->
                    assertThat(j.getSpec().getTemplate().getSpec().getRestartPolicy())
                        .isEqualTo("Never")),
        arguments(
            "jobTargetRef fields are copied",
            seed(),
            (Consumer<V1Job>)
                j -> {
                  assertThat(j.getSpec().getParallelism()).isEqualTo(1);
                  assertThat(j.getSpec().getCompletions()).isEqualTo(1);
                  assertThat(j.getSpec().getActiveDeadlineSeconds()).isEqualTo(600L);
                  assertThat(j.getSpec().getBackoffLimit()).isEqualTo(5);
                  assertThat(j.getSpec().getTemplate().getSpec().getContainers())
                      .extracting(V1Container::getImage)
                      .containsExactly("img");
                }),
        arguments(
            "pod template gets the SJ label and generateName",
            seed(),
            (Consumer<V1Job>)
                j -> {
                  assertThat(j.getSpec().getTemplate().getMetadata().getLabels())
                      .containsEntry("scaledjob.keda.sh/name", "test");
                  assertThat(j.getSpec().getTemplate().getMetadata().getGenerateName())
                      .isEqualTo("test-");
                }),
        arguments(
            "controller owner reference",
            seed(),
            (Consumer<V1Job>)
                j ->
                    assertThat(j.getMetadata().getOwnerReferences())
                        .containsExactly(
                            new V1OwnerReference()
                                .apiVersion("keda.sh/v1alpha1")
                                .kind("ScaledJob")
                                .name("test")
                                .uid("uid-1")
                                .controller(true)
                                .blockOwnerDeletion(true))),
        arguments(
            "excluded labels are not copied, SJ labels win",
            withLabels(),
            (Consumer<V1Job>)
                j ->
                    assertThat(j.getMetadata().getLabels())
                        .doesNotContainKey("secret-team")
                        .containsEntry("app.kubernetes.io/part-of", "shop")),
        arguments(
            "generation annotation follows metadata.generation",
            withGeneration(7L),
            (Consumer<V1Job>)
                j ->
                    assertThat(j.getMetadata().getAnnotations())
                        .containsEntry(JobFactory.GENERATION_ANNOTATION, "7")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void builds(String name, ScaledJob sj, Consumer<V1Job> check) {
    check.accept(FACTORY.newJob(sj));
  }

  @Test
  void theScaledJobTemplateIsNotModified() {
    ScaledJob sj = seed();
    FACTORY.newJob(sj).getSpec().getTemplate().getSpec().setRestartPolicy("Always");
    assertThat(sj.getSpec().getJobTargetRef().getTemplate().getSpec().getRestartPolicy()).isNull();
    assertThat(sj.getSpec().getJobTargetRef().getTemplate().getMetadata()).isNull();
  }

  private static ScaledJob withRestartPolicy(String p) {
    ScaledJob sj = seed();
    sj.getSpec().getJobTargetRef().getTemplate().getSpec().setRestartPolicy(p);
    return sj;
  }

  private static ScaledJob withLabels() {
    ScaledJob sj = seed();
    sj.getMetadata()
        .labels(Map.of("secret-team", "x", "app.kubernetes.io/part-of", "shop"))
        .annotations(Map.of(JobFactory.EXCLUDED_LABELS_ANNOTATION, "secret-team, other"));
    return sj;
  }

  private static ScaledJob withGeneration(long g) {
    ScaledJob sj = seed();
    sj.getMetadata().setGeneration(g);
    return sj;
  }
}
