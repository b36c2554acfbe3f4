package dev.keda4j.controller.scaledobject.hpa;

import static dev.keda4j.controller.scaledobject.hpa.HpaFixtures.rabbitAndCpu;
import static dev.keda4j.controller.scaledobject.hpa.HpaFixtures.so;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keda4j.api.v1alpha1.AdvancedConfig;
import dev.keda4j.api.v1alpha1.HorizontalPodAutoscalerConfig;
import dev.keda4j.api.v1alpha1.ScaledObject;
import dev.keda4j.api.v1alpha1.ScalingModifiers;
import dev.keda4j.scalers.spi.MetricSpec;
import dev.keda4j.scalers.spi.MetricTargetType;
import dev.keda4j.scalers.spi.Quantity;
import io.kubernetes.client.openapi.models.V2HPAScalingRules;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscalerBehavior;
import io.kubernetes.client.openapi.models.V2MetricSpec;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HpaFactoryTest {

  static String metricKey(V2MetricSpec m) {
    switch (m.getType()) {
      case "External":
        return "External "
            + m.getExternal().getMetric().getName()
            + " "
            + m.getExternal().getTarget().getType()
            + "="
            + (m.getExternal().getTarget().getAverageValue() != null
                ? m.getExternal().getTarget().getAverageValue().toSuffixedString()
                : m.getExternal().getTarget().getValue().toSuffixedString())
            + " "
            + m.getExternal().getMetric().getSelector().getMatchLabels();
      case "Resource":
        return "Resource "
            + m.getResource().getName()
            + " "
            + m.getResource().getTarget().getType()
            + "="
            + (m.getResource().getTarget().getAverageUtilization() != null
                ? m.getResource().getTarget().getAverageUtilization()
                : m.getResource().getTarget().getAverageValue().toSuffixedString());
      default:
        return "ContainerResource "
            + m.getContainerResource().getName()
            + "@"
            + m.getContainerResource().getContainer()
            + " "
            + m.getContainerResource().getTarget().getType();
    }
  }

  record Row(
      String name,
      Consumer<ScaledObject> customize,
      Map<Integer, List<MetricSpec>> specs,
      Consumer<DesiredHpa> check) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> rows() {
    return Stream.of(rowsPart0(), rowsPart1(), rowsPart2()).flatMap(s -> s).map(Arguments::of);
  }

  static Stream<Row> rowsPart0() {
    return Stream.of(
        new Row(
            "10 rabbitmq + cpu → External before Resource, status names",
            so -> {},
            rabbitAndCpu(),
            d -> {
              assertThat(d.hpa().getSpec().getMetrics())
                  .extracting(HpaFactoryTest::metricKey)
                  .containsExactly(
                      "External s0-rabbitmq-q AverageValue=5 {scaledobject.keda.sh/name=my-so}",
                      "Resource cpu Utilization=60");
              assertThat(d.externalMetricNames()).containsExactly("s0-rabbitmq-q");
              assertThat(d.resourceMetricNames()).containsExactly("cpu");
              assertThat(d.compositeScalerName()).isNull();
            }),
        new Row(
            "default name keda-hpa-<so>, min 0 → 1, max default 100, target defaults",
            so -> so.getSpec().minReplicaCount(0),
            rabbitAndCpu(),
            d -> {
              assertThat(d.hpa().getMetadata().getName()).isEqualTo("keda-hpa-my-so");
              assertThat(d.hpa().getMetadata().getNamespace()).isEqualTo("ns");
              assertThat(d.hpa().getSpec().getMinReplicas()).isEqualTo(1);
              assertThat(d.hpa().getSpec().getMaxReplicas()).isEqualTo(100);
              assertThat(d.hpa().getSpec().getScaleTargetRef().getApiVersion())
                  .isEqualTo("apps/v1");
              assertThat(d.hpa().getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
              assertThat(d.hpa().getSpec().getScaleTargetRef().getName()).isEqualTo("app");
              assertThat(d.hpa().getSpec().getBehavior()).isNull();
            }),
        new Row(
            "custom name, min 3, max 7, StatefulSet target",
            so -> {
              so.getSpec()
                  .minReplicaCount(3)
                  .maxReplicaCount(7)
                  .advanced(
                      new AdvancedConfig()
                          .horizontalPodAutoscalerConfig(
                              new HorizontalPodAutoscalerConfig().name("custom")));
              so.getSpec().getScaleTargetRef().apiVersion("apps/v1").kind("StatefulSet");
            },
            rabbitAndCpu(),
            d -> {
              assertThat(d.hpa().getMetadata().getName()).isEqualTo("custom");
              assertThat(d.hpa().getSpec().getMinReplicas()).isEqualTo(3);
              assertThat(d.hpa().getSpec().getMaxReplicas()).isEqualTo(7);
              assertThat(d.hpa().getSpec().getScaleTargetRef().getKind()).isEqualTo("StatefulSet");
              assertThat(d.hpa().getMetadata().getLabels())
                  .containsEntry("app.kubernetes.io/name", "custom");
            }),
        new Row(
            "labels: KEDA's four, SO labels win, excluded keys skipped; annotations verbatim",
            so -> {
              so.getMetadata().getLabels().put("app.kubernetes.io/part-of", "mine");
              so.getMetadata().getLabels().put("secret-ish", "no");
              so.getMetadata()
                  .getAnnotations()
                  .put("scaledobject.keda.sh/hpa-excluded-labels", "secret-ish, other");
            },
            rabbitAndCpu(),
            d -> {
              assertThat(d.hpa().getMetadata().getLabels())
                  .containsOnly(
                      Map.entry("app.kubernetes.io/name", "keda-hpa-my-so"),
                      Map.entry("app.kubernetes.io/version", "2.20.2"),
                      Map.entry("app.kubernetes.io/part-of", "mine"),
                      Map.entry("app.kubernetes.io/managed-by", "keda-operator"),
                      Map.entry("team", "a"));
              assertThat(d.hpa().getMetadata().getAnnotations())
                  .containsOnly(
                      Map.entry("note", "x"),
                      Map.entry("scaledobject.keda.sh/hpa-excluded-labels", "secret-ish, other"));
            }));
  }

  static Stream<Row> rowsPart1() {
    return Stream.of(
        new Row(
            "owner reference → controlling ScaledObject",
            so -> {},
            rabbitAndCpu(),
            d -> {
              var ref = d.hpa().getMetadata().getOwnerReferences().get(0);
              assertThat(ref.getApiVersion()).isEqualTo("keda.sh/v1alpha1");
              assertThat(ref.getKind()).isEqualTo("ScaledObject");
              assertThat(ref.getName()).isEqualTo("my-so");
              assertThat(ref.getUid()).isEqualTo("uid-1");
              assertThat(ref.getController()).isTrue();
              assertThat(ref.getBlockOwnerDeletion()).isTrue();
            }),
        new Row(
            "19 60-char SO name: label cut to 63 and trailing '-' trimmed, name kept",
            so -> so.getMetadata().name("a".repeat(54) + "-bcdefgh"),
            rabbitAndCpu(),
            d -> {
              assertThat(d.hpa().getMetadata().getName()).hasSize(71);
              assertThat(d.hpa().getMetadata().getLabels().get("app.kubernetes.io/name"))
                  .isEqualTo("keda-hpa-" + "a".repeat(54));
            }),
        new Row(
            "behavior passed through; paused-scale-in disables scaleDown only",
            so -> {
              so.getSpec()
                  .advanced(
                      new AdvancedConfig()
                          .horizontalPodAutoscalerConfig(
                              new HorizontalPodAutoscalerConfig()
                                  .behavior(
                                      new V2HorizontalPodAutoscalerBehavior()
                                          .scaleUp(
                                              new V2HPAScalingRules()
                                                  .stabilizationWindowSeconds(30)))));
              so.getMetadata().getAnnotations().put("autoscaling.keda.sh/paused-scale-in", "true");
            },
            rabbitAndCpu(),
            d -> {
              V2HorizontalPodAutoscalerBehavior b = d.hpa().getSpec().getBehavior();
              assertThat(b.getScaleUp().getStabilizationWindowSeconds()).isEqualTo(30);
              assertThat(b.getScaleUp().getSelectPolicy()).isNull();
              assertThat(b.getScaleDown().getSelectPolicy()).isEqualTo("Disabled");
            }),
        new Row(
            "paused-scale-out without behavior creates scaleUp Disabled",
            so ->
                so.getMetadata()
                    .getAnnotations()
                    .put("autoscaling.keda.sh/paused-scale-out", "true"),
            rabbitAndCpu(),
            d -> {
              V2HorizontalPodAutoscalerBehavior b = d.hpa().getSpec().getBehavior();
              assertThat(b.getScaleUp().getSelectPolicy()).isEqualTo("Disabled");
              assertThat(b.getScaleDown()).isNull();
            }));
  }

  static Stream<Row> rowsPart2() {
    return Stream.of(
        new Row(
            "Value target, memory AverageValue and a ContainerResource sort first",
            so -> {},
            Map.of(
                0,
                List.of(
                    MetricSpec.external(
                        "s0-prometheus", MetricTargetType.VALUE, Quantity.ofMilli(1500))),
                1,
                List.of(
                    MetricSpec.resource(
                        "memory", null, MetricTargetType.AVERAGE_VALUE, Quantity.of(64), null)),
                2,
                List.of(
                    MetricSpec.resource("cpu", "sidecar", MetricTargetType.UTILIZATION, null, 50))),
            d -> {
              assertThat(d.hpa().getSpec().getMetrics())
                  .extracting(HpaFactoryTest::metricKey)
                  .containsExactly(
                      "ContainerResource cpu@sidecar Utilization",
                      "External s0-prometheus Value=1500m {scaledobject.keda.sh/name=my-so}",
                      "Resource memory AverageValue=64");
              assertThat(d.resourceMetricNames()).containsExactly("memory");
            }),
        new Row(
            "scalingModifiers target → resource metrics + composite-metric only",
            so ->
                so.getSpec()
                    .advanced(
                        new AdvancedConfig()
                            .scalingModifiers(
                                new ScalingModifiers()
                                    .formula("q * 2")
                                    .target("2.5")
                                    .metricType("Value"))),
            rabbitAndCpu(),
            d -> {
              assertThat(d.hpa().getSpec().getMetrics())
                  .extracting(HpaFactoryTest::metricKey)
                  .containsExactly(
                      "Resource cpu Utilization=60",
                      "External composite-metric Value=2500m"
                          + " {scaledobject.keda.sh/name=my-so}");
              assertThat(d.compositeScalerName()).isEqualTo("composite-metric");
              assertThat(d.externalMetricNames()).containsExactly("s0-rabbitmq-q");
            }));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void builds(Row row) throws HpaBuildException {
    ScaledObject so = so();
    row.customize().accept(so);
    DesiredHpa d = HpaFactory.build(so, row.specs(), "2.20.2");
    assertThat(d.hpa().getApiVersion()).isEqualTo("autoscaling/v2");
    row.check().accept(d);
  }

  @Test
  void noSpecsIsKedasError() {
    assertThatThrownBy(() -> HpaFactory.build(so(), Map.of(0, List.of()), "v"))
        .isInstanceOf(HpaBuildException.class)
        .hasMessage("no metric specs returned from scalers for ScaledObject ns/my-so");
  }

  @Test
  void duplicateExternalNameIsKedasError() {
    Map<Integer, List<MetricSpec>> specs =
        Map.of(
            0, List.of(MetricSpec.external("s0-x", MetricTargetType.AVERAGE_VALUE, 1)),
            1, List.of(MetricSpec.external("s0-x", MetricTargetType.AVERAGE_VALUE, 1)));
    assertThatThrownBy(() -> HpaFactory.build(so(), specs, "v"))
        .isInstanceOf(HpaBuildException.class)
        .hasMessage("metricName s0-x defined multiple times in ScaledObject my-so");
  }

  @Test
  void leavesTheScaledObjectsBehaviorUntouched() throws HpaBuildException {
    ScaledObject so = so();
    V2HorizontalPodAutoscalerBehavior user =
        new V2HorizontalPodAutoscalerBehavior().scaleDown(new V2HPAScalingRules());
    so.getSpec()
        .advanced(
            new AdvancedConfig()
                .horizontalPodAutoscalerConfig(new HorizontalPodAutoscalerConfig().behavior(user)));
    so.getMetadata().getAnnotations().put("autoscaling.keda.sh/paused-scale-in", "true");

    V2HorizontalPodAutoscaler hpa = HpaFactory.build(so, rabbitAndCpu(), "v").hpa();

    assertThat(hpa.getSpec().getBehavior().getScaleDown().getSelectPolicy()).isEqualTo("Disabled");
    assertThat(user.getScaleDown().getSelectPolicy()).isNull();
  }
}
