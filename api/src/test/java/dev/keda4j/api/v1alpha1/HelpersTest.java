package dev.keda4j.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HelpersTest {
  static Stream<Arguments> scaledJobCounts() {
    return Stream.of(
        Arguments.of("case 9: min 2 max 10", 2, 10, 2, 8),
        Arguments.of("case 9: min 12 max 10", 12, 10, 10, 10),
        Arguments.of("case 9: nothing set", null, null, 0, 100),
        Arguments.of("min set, max unset: min not subtracted", 5, null, 5, 100),
        Arguments.of("max only", null, 30, 0, 30),
        Arguments.of("min equals max", 4, 4, 4, 0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scaledJobCounts")
  void scaledJobEffectiveCounts(String name, Integer min, Integer max, int effMin, int effMax) {
    ScaledJob sj =
        new ScaledJob().spec(new ScaledJobSpec().minReplicaCount(min).maxReplicaCount(max));
    assertThat(ReplicaCounts.scaledJobMin(min, max)).isEqualTo(effMin);
    assertThat(ReplicaCounts.scaledJobMax(min, max)).isEqualTo(effMax);
    assertThat(sj.minReplicaCount()).isEqualTo(effMin);
    assertThat(sj.maxReplicaCount()).isEqualTo(effMax);
  }

  static Stream<Arguments> identifiers() {
    return Stream.of(
        Arguments.of("ScaledObject", "default", "my-so", "scaledobject.default.my-so"),
        Arguments.of("ScaledJob", "Apps", "Job-A", "scaledjob.apps.job-a"));
  }

  @ParameterizedTest(name = "{1}/{2}")
  @MethodSource("identifiers")
  void identifier(String kind, String ns, String name, String expected) {
    assertThat(Identifiers.generate(kind, ns, name)).isEqualTo(expected);
  }

  @Test
  void identifierOfObjects() {
    io.kubernetes.client.openapi.models.V1ObjectMeta meta =
        new io.kubernetes.client.openapi.models.V1ObjectMeta().name("my-so").namespace("default");
    assertThat(Identifiers.of(new ScaledObject().metadata(meta)))
        .isEqualTo("scaledobject.default.my-so");
    assertThat(Identifiers.of(new ScaledJob().metadata(meta))).isEqualTo("scaledjob.default.my-so");
  }

  private static ScaleTriggers trigger(String type, String auth) {
    ScaleTriggers t = new ScaleTriggers().type(type).metadata(new java.util.HashMap<>());
    return auth == null ? t : t.authenticationRef(new AuthenticationRef().name(auth));
  }

  static Stream<Arguments> summaries() {
    return Stream.of(
        Arguments.of(
            "case 12",
            List.of(trigger("kafka", "a"), trigger("kafka", "a"), trigger("cron", null)),
            "kafka,cron",
            "a"),
        Arguments.of("no triggers", List.of(), "", ""),
        Arguments.of(
            "order kept",
            List.of(trigger("redis", "b"), trigger("cpu", null), trigger("redis", "a")),
            "redis,cpu",
            "b,a"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("summaries")
  void triggerSummary(String name, List<ScaleTriggers> triggers, String types, String auths) {
    assertThat(TriggerSummary.triggersTypes(triggers)).isEqualTo(types);
    assertThat(TriggerSummary.authenticationsTypes(triggers)).isEqualTo(auths);
  }

  private static ScaledObjectSpec soSpec(Integer min, Integer max, Integer idle) {
    List<ScaleTriggers> triggers = new ArrayList<>(List.of(trigger("kafka", null)));
    return new ScaledObjectSpec()
        .minReplicaCount(min)
        .maxReplicaCount(max)
        .idleReplicaCount(idle)
        .triggers(triggers);
  }

  static Stream<Arguments> bounds() {
    return Stream.of(
        Arguments.of(
            "case 2: idle 10, min unset",
            soSpec(null, 5, 10),
            "IdleReplicaCount=10 must be less than MinReplicaCount=0"),
        Arguments.of("case 3: min 0 idle 0", soSpec(0, null, 0), ""),
        Arguments.of("idle below min", soSpec(3, 10, 1), ""),
        Arguments.of(
            "min above max",
            soSpec(5, 2, null),
            "MinReplicaCount=5 must be less than MaxReplicaCount=2"),
        Arguments.of(
            "idle equals min",
            soSpec(2, 10, 2),
            "IdleReplicaCount=2 must be less than MinReplicaCount=2"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bounds")
  void replicaCountBounds(String name, ScaledObjectSpec spec, String expected) {
    List<SpecError> errors = KedaValidation.checkReplicaCountBounds(spec);
    if (expected.isEmpty()) {
      assertThat(errors).isEmpty();
    } else {
      assertThat(errors).extracting(SpecError::message).contains(expected);
    }
  }

  static Stream<Arguments> triggerChecks() {
    return Stream.of(
        Arguments.of(
            "case 4: duplicate names",
            List.of(trigger("kafka", null).name("a"), trigger("kafka", null).name("a")),
            "triggerName \"a\" is defined multiple times in the ScaledObject/ScaledJob, but it must"
                + " be unique"),
        Arguments.of(
            "case 5: cron with useCachedMetrics",
            List.of(trigger("cron", null).useCachedMetrics(true)),
            "property \"useCachedMetrics\" is not supported for \"cron\" scaler"),
        Arguments.of(
            "empty names are not checked",
            List.of(trigger("kafka", null).name(""), trigger("kafka", null).name("")),
            ""),
        Arguments.of("no triggers", List.of(), "no triggers defined in the ScaledObject/ScaledJob"),
        Arguments.of(
            "useCachedMetrics on kafka",
            List.of(trigger("kafka", null).useCachedMetrics(true)),
            ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("triggerChecks")
  void validateTriggers(String name, List<ScaleTriggers> triggers, String expected) {
    List<SpecError> errors = KedaValidation.validateTriggers(triggers);
    if (expected.isEmpty()) {
      assertThat(errors).isEmpty();
    } else {
      assertThat(errors).extracting(SpecError::message).containsExactly(expected);
    }
  }

  @Test
  void hpaNameDefaultsToKedaHpaPrefix() {
    assertThat(KedaValidation.hpaName("web", new ScaledObjectSpec())).isEqualTo("keda-hpa-web");
    ScaledObjectSpec custom =
        new ScaledObjectSpec()
            .advanced(
                new AdvancedConfig()
                    .horizontalPodAutoscalerConfig(new HorizontalPodAutoscalerConfig().name("x")));
    assertThat(KedaValidation.hpaName("web", custom)).isEqualTo("x");
  }

  @Test
  void usingModifiersMeansAnyModifierFieldSet() {
    assertThat(KedaValidation.isUsingModifiers(new ScaledObjectSpec())).isFalse();
    assertThat(
            KedaValidation.isUsingModifiers(
                new ScaledObjectSpec()
                    .advanced(new AdvancedConfig().scalingModifiers(new ScalingModifiers()))))
        .isFalse();
    assertThat(
            KedaValidation.isUsingModifiers(
                new ScaledObjectSpec()
                    .advanced(
                        new AdvancedConfig()
                            .scalingModifiers(new ScalingModifiers().formula("a + b")))))
        .isTrue();
  }
}
