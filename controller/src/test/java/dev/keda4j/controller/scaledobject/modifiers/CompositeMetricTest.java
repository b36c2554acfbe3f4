package dev.keda4j.controller.scaledobject.modifiers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keda4j.api.v1alpha1.AdvancedConfig;
import dev.keda4j.api.v1alpha1.Fallback;
import dev.keda4j.api.v1alpha1.ScaledObjectSpec;
import dev.keda4j.api.v1alpha1.ScalingModifiers;
import dev.keda4j.controller.scaledobject.modifiers.CompositeMetric.Input;
import dev.keda4j.controller.scaledobject.modifiers.CompositeMetric.Result;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CompositeMetricTest {
  static ScaledObjectSpec spec(String formula, String activation, Fallback fb) {
    return new ScaledObjectSpec()
        .fallback(fb)
        .advanced(
            new AdvancedConfig()
                .scalingModifiers(
                    new ScalingModifiers()
                        .formula(formula)
                        .target("2")
                        .activationTarget(activation)));
  }

  static Stream<Arguments> rows() {
    return Stream.of(
        Arguments.of(
            "14 trigger1 + trigger2 with 3 and 4 → 7 (milli 7000), active over 0",
            spec("trigger1 + trigger2", null, null),
            List.of(new Input("trigger1", 3.0, null, null), new Input("trigger2", 4.0, null, null)),
            7000L,
            true,
            null),
        Arguments.of(
            "composite not above activationTarget → inactive",
            spec("trigger1 + trigger2", "7", null),
            List.of(new Input("trigger1", 3.0, null, null), new Input("trigger2", 4.0, null, null)),
            7000L,
            false,
            null),
        Arguments.of(
            "fractional result keeps milli precision",
            spec("trigger1 / 3", null, null),
            List.of(new Input("trigger1", 1.0, null, null)),
            333L,
            true,
            null),
        Arguments.of(
            "a trigger in (non-scalingModifiers) fallback: formula skipped, fallback value served",
            spec("trigger1 * 100", null, null),
            List.of(new Input("trigger1", 20.0, 20.0, null)),
            20000L,
            true,
            null),
        Arguments.of(
            "nil trigger with ?? default",
            spec("trigger1 ?? 5", null, new Fallback().behavior("scalingModifiers").replicas(3)),
            List.of(new Input("trigger1", null, null, null)),
            5000L,
            true,
            null),
        Arguments.of(
            "nil result → fallback.replicas × target",
            spec("trigger1", null, new Fallback().behavior("scalingModifiers").replicas(3)),
            List.of(new Input("trigger1", null, null, null)),
            6000L,
            true,
            null),
        Arguments.of(
            "nil result without fallback → error",
            spec("trigger1", null, null),
            List.of(new Input("trigger1", null, null, null)),
            null,
            false,
            "formula returned nil and no fallback is configured"),
        Arguments.of(
            "a trigger error → error, inactive",
            spec("trigger1", null, null),
            List.of(new Input("trigger1", null, null, "error getting metric s0-x: down")),
            null,
            false,
            "error getting metric s0-x: down"),
        Arguments.of(
            "unparsable activationTarget → error",
            spec("trigger1", "abc", null),
            List.of(new Input("trigger1", 1.0, null, null)),
            null,
            false,
            "error parsing activationTarget abc"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void evaluates(
      String name,
      ScaledObjectSpec spec,
      List<Input> inputs,
      Long milli,
      boolean active,
      String error) {
    Result r = CompositeMetric.evaluate(spec, inputs);
    assertThat(r.error()).isEqualTo(error);
    assertThat(r.active()).isEqualTo(active);
    if (milli == null) {
      assertThat(r.value()).isNull();
    } else {
      assertThat(r.value().metricName()).isEqualTo("composite-metric");
      assertThat(r.value().value().milliValue()).isEqualTo(milli);
    }
  }
}
