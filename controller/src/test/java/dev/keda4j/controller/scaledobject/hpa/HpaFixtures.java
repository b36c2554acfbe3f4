package dev.keda4j.controller.scaledobject.hpa;

import dev.keda4j.api.v1alpha1.ScaleTarget;
import dev.keda4j.api.v1alpha1.ScaleTriggers;
import dev.keda4j.api.v1alpha1.ScaledObject;
import dev.keda4j.api.v1alpha1.ScaledObjectSpec;
import dev.keda4j.scalers.spi.MetricSpec;
import dev.keda4j.scalers.spi.MetricTargetType;
import dev.keda4j.scalers.spi.Quantity;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

final class HpaFixtures {
  private HpaFixtures() {}

  static ScaledObject so() {
    return new ScaledObject()
        .metadata(
            new V1ObjectMeta()
                .name("my-so")
                .namespace("ns")
                .uid("uid-1")
                .labels(new HashMap<>(Map.of("team", "a")))
                .annotations(new HashMap<>(Map.of("note", "x"))))
        .spec(
            new ScaledObjectSpec()
                .scaleTargetRef(new ScaleTarget().name("app"))
                .triggers(
                    List.of(
                        new ScaleTriggers().type("rabbitmq").name("q"),
                        new ScaleTriggers().type("cpu"))));
  }

  static Map<Integer, List<MetricSpec>> rabbitAndCpu() {
    return Map.of(
        0, List.of(MetricSpec.external("s0-rabbitmq-q", MetricTargetType.AVERAGE_VALUE, 5)),
        1, List.of(MetricSpec.resource("cpu", null, MetricTargetType.UTILIZATION, null, 60)));
  }

  static Quantity q(long v) {
    return Quantity.of(v);
  }
}
