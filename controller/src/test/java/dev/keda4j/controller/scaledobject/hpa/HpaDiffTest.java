package dev.keda4j.controller.scaledobject.hpa;

import static dev.keda4j.controller.scaledobject.hpa.HpaFixtures.rabbitAndCpu;
import static dev.keda4j.controller.scaledobject.hpa.HpaFixtures.so;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keda4j.api.v1alpha1.ScaledObject;
import dev.keda4j.scalers.spi.MetricSpec;
import dev.keda4j.scalers.spi.MetricTargetType;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscalerStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HpaDiffTest {
  private static final JSON CODEC = new JSON();

  static V2HorizontalPodAutoscaler desired(
      Consumer<ScaledObject> c, Map<Integer, List<MetricSpec>> specs) {
    ScaledObject so = so();
    c.accept(so);
    try {
      return HpaFactory.build(so, specs, "2.20.2").hpa();
    } catch (HpaBuildException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A deep copy, as read back from the API server. */
  static V2HorizontalPodAutoscaler copy(V2HorizontalPodAutoscaler h) {
    return CODEC.deserialize(CODEC.serialize(h), V2HorizontalPodAutoscaler.class);
  }

  record Row(
      String name,
      V2HorizontalPodAutoscaler desired,
      Consumer<V2HorizontalPodAutoscaler> live,
      HpaDiff expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static final V2HorizontalPodAutoscaler BASE = desired(so -> {}, rabbitAndCpu());

  static Stream<Arguments> rows() {
    return Stream.of(
            new Row("identical → no write", BASE, h -> {}, new HpaDiff(false, false, false)),
            new Row(
                "live carries server defaults and status → no write",
                BASE,
                h -> {
                  h.getMetadata().resourceVersion("42").uid("hpa-uid");
                  h.status(new V2HorizontalPodAutoscalerStatus().currentReplicas(3));
                  h.getMetadata().getLabels().put("extra", "ignored");
                  h.getMetadata().getAnnotations().put("extra", "ignored");
                },
                new HpaDiff(false, false, false)),
            new Row(
                "17 a trigger removed → metrics count differs",
                desired(
                    so -> {},
                    Map.of(
                        0,
                        List.of(
                            MetricSpec.external(
                                "s0-rabbitmq-q", MetricTargetType.AVERAGE_VALUE, 5)))),
                h -> {},
                new HpaDiff(true, false, false)),
            new Row(
                "target value changed",
                BASE,
                h ->
                    h.getSpec()
                        .getMetrics()
                        .get(0)
                        .getExternal()
                        .getTarget()
                        .setAverageValue(io.kubernetes.client.custom.Quantity.fromString("9")),
                new HpaDiff(true, false, false)),
            new Row(
                "max changed",
                BASE,
                h -> h.getSpec().setMaxReplicas(50),
                new HpaDiff(true, false, false)),
            new Row(
                "18 paused-scale-in removed → behavior back to null",
                BASE,
                h ->
                    h.getSpec()
                        .setBehavior(
                            desired(
                                    so ->
                                        so.getMetadata()
                                            .getAnnotations()
                                            .put("autoscaling.keda.sh/paused-scale-in", "true"),
                                    rabbitAndCpu())
                                .getSpec()
                                .getBehavior()),
                new HpaDiff(true, false, false)),
            new Row(
                "a desired label differs",
                BASE,
                h -> h.getMetadata().getLabels().put("team", "b"),
                new HpaDiff(false, true, false)),
            new Row(
                "a desired annotation missing",
                BASE,
                h -> h.getMetadata().setAnnotations(new HashMap<>()),
                new HpaDiff(false, false, true)),
            new Row(
                "desired annotations nil but live has some",
                desired(so -> so.getMetadata().setAnnotations(null), rabbitAndCpu()),
                h -> {},
                new HpaDiff(false, false, true)),
            new Row(
                "foreign HPA without our labels is adopted on first update",
                BASE,
                h -> {
                  h.getMetadata().setLabels(null);
                  h.getMetadata().setOwnerReferences(null);
                },
                new HpaDiff(false, true, false, true)),
            new Row(
                "an HPA adopted on request lacks only our owner reference → written",
                BASE,
                h -> h.getMetadata().setOwnerReferences(null),
                new HpaDiff(false, false, false, true)))
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void diffs(Row row) {
    V2HorizontalPodAutoscaler live = copy(BASE);
    row.live().accept(live);
    HpaDiff diff = HpaDiff.between(row.desired(), live);
    assertThat(diff).isEqualTo(row.expected());
    assertThat(diff.needsUpdate())
        .isEqualTo(!row.expected().equals(new HpaDiff(false, false, false)));
  }
}
