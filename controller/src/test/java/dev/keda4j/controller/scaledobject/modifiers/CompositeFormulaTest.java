package dev.keda4j.controller.scaledobject.modifiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keda4j.api.v1alpha1.AdvancedConfig;
import dev.keda4j.api.v1alpha1.ScaleTriggers;
import dev.keda4j.api.v1alpha1.ScaledObjectSpec;
import dev.keda4j.api.v1alpha1.ScalingModifiers;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CompositeFormulaTest {
  static Stream<Arguments> formulas() {
    return Stream.of(
        Arguments.of("14 trigger1 + trigger2 = 7", "trigger1 + trigger2", 7.0),
        Arguments.of("arithmetic and precedence", "trigger1 * 2 - trigger2 / 2", 4.0),
        Arguments.of("power **", "trigger1 ** 2", 9.0),
        Arguments.of("modulo", "trigger2 % 3", 1.0),
        Arguments.of("min/max/abs", "max(trigger1, trigger2) + min(1, abs(-2))", 5.0),
        Arguments.of("ceil/floor", "ceil(trigger1 / 2) + floor(trigger2 / 3)", 3.0),
        Arguments.of("float/int", "float(int(trigger2 / 3))", 1.0),
        Arguments.of("nil coalescing on a failing trigger", "failing ?? 5", 5.0),
        Arguments.of("nil coalescing keeps a value", "trigger1 ?? 5", 3.0),
        Arguments.of("ternary true branch", "trigger1 > 2 ? trigger1 : trigger2", 3.0),
        Arguments.of("ternary false branch", "trigger1 < 2 ? trigger1 : trigger2", 4.0),
        Arguments.of(
            "nested ternary is right-associative", "trigger1 > 5 ? 1 : trigger2 > 3 ? 2 : 3", 2.0),
        Arguments.of("ternary is the lowest precedence", "trigger1 + 1 > 3 ? 10 : 20", 10.0),
        Arguments.of(
            "and/or/not in a condition",
            "(trigger1 > 1 and not (trigger2 < 1)) or false ? 1 : 0",
            1.0),
        Arguments.of("?? binds tighter than +", "failing ?? 5 + 1", 6.0),
        Arguments.of("?? on a parenthesised expression", "(failing) ?? (trigger1 * 2)", 6.0),
        Arguments.of("?? chains", "failing ?? failing ?? 8", 8.0),
        Arguments.of("nil-safe fallback in a ternary", "failing == nil ? 0 : failing", 0.0),
        Arguments.of("let binding", "let sum = trigger1 + trigger2; sum > 5 ? sum : 5", 7.0),
        Arguments.of("two lets", "let a = trigger1; let b = a * 2; b + a", 9.0),
        Arguments.of("round is half away from zero", "round(trigger2 / 8) + round(-2.5)", -2.0),
        Arguments.of("unary minus and power: -x ** 2 = -(x ** 2)", "-trigger1 ** 2", -9.0),
        Arguments.of("power is right-associative", "2 ** 3 ** 2", 512.0),
        Arguments.of("division is float", "trigger1 / 2", 1.5),
        Arguments.of("KEDA docs: average of two queues", "(trigger1 + trigger2) / 2", 3.5),
        Arguments.of("KEDA docs: weighted with a cap", "min(trigger1 * 10 + trigger2, 30)", 30.0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formulas")
  void evaluates(String name, String formula, double expected) throws FormulaException {
    Map<String, Double> env = new HashMap<>(Map.of("trigger1", 3.0, "trigger2", 4.0));
    env.put("failing", null);
    assertThat(CompositeFormula.compile(formula).evaluate(env)).isEqualTo(expected);
  }

  @Test
  void syntaxErrorsAndUnknownFunctionsAreFormulaExceptions() {
    for (String bad :
        List.of("trigger1 ?", "a ? b", "(a + b", "foo(a)", "let = 3; a", "a $ b", "a b")) {
      assertThatThrownBy(() -> CompositeFormula.compile(bad).evaluate(Map.of("a", 1.0, "b", 2.0)))
          .as(bad)
          .isInstanceOf(FormulaException.class);
    }
  }

  @Test
  void aBooleanResultIsNotAFloat() {
    assertThatThrownBy(() -> CompositeFormula.compile("1 > 0").evaluate(Map.of()))
        .isInstanceOf(FormulaException.class)
        .hasMessageContaining("non-float");
  }

  @Test
  void unknownIdentifierFails() {
    assertThatThrownBy(() -> CompositeFormula.compile("nope + 1").evaluate(Map.of()))
        .isInstanceOf(FormulaException.class);
  }

  static ScaledObjectSpec spec(String formula, String target, String type) {
    return new ScaledObjectSpec()
        .triggers(
            List.of(
                new ScaleTriggers().type("redis").name("a"),
                new ScaleTriggers().type("cpu").name("c")))
        .advanced(
            new AdvancedConfig()
                .scalingModifiers(
                    new ScalingModifiers().formula(formula).target(target).metricType(type)));
  }

  static Stream<Arguments> validations() {
    return Stream.of(
        Arguments.of("valid", spec("a * 2", "2", null), List.of()),
        Arguments.of(
            "formula mandatory",
            spec(null, "2", null),
            List.of("error ScalingModifiers.Formula is mandatory")),
        Arguments.of(
            "target mandatory",
            spec("a", null, null),
            List.of("formula is given but target is empty")),
        Arguments.of(
            "target must be > 0",
            spec("a", "0", null),
            List.of(
                "error converting target for scalingModifiers (string->float) to valid target: 0")),
        Arguments.of(
            "Utilization rejected",
            spec("a", "1", "Utilization"),
            List.of(
                "error trigger type is Utilization, but it needs to be AverageValue or Value for"
                    + " external metrics")),
        Arguments.of(
            "cpu trigger names are not formula variables",
            spec("a + c", "1", null),
            List.of("error trying to run custom formula: ")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validations")
  void validates(String name, ScaledObjectSpec spec, List<String> expectedPrefixes) {
    List<String> errors = ScalingModifiersValidation.validate(spec);
    assertThat(errors).hasSameSizeAs(expectedPrefixes);
    for (int i = 0; i < errors.size(); i++) {
      assertThat(errors.get(i)).startsWith(expectedPrefixes.get(i));
    }
  }
}
