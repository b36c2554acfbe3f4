package dev.keda4j.controller.scaledobject.modifiers;

import dev.keda4j.api.v1alpha1.Fallback;
import dev.keda4j.api.v1alpha1.ScaledObjectSpec;
import dev.keda4j.api.v1alpha1.ScalingModifiers;
import dev.keda4j.scalers.spi.MetricValue;
import dev.keda4j.scalers.spi.Quantity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The composite metric of a ScaledObject with scalingModifiers (scaledobject.md §7) as a pure
 * function of the triggers' readings: the formula over the named triggers' values, the fallback
 * shortcuts, and the activity {@code composite > activationTarget}.
 */
public final class CompositeMetric {
  public static final String NAME = "composite-metric";

  private CompositeMetric() {}

  /**
   * One trigger's reading as the formula sees it.
   *
   * @param triggerName {@code spec.triggers[i].name} ("" when unnamed: not a formula variable)
   * @param value the first metric value, null for nil (failing past the threshold under {@code
   *     fallback.behavior: scalingModifiers})
   * @param fallbackValue the fallback value when the trigger is served by a non-scalingModifiers
   *     fallback, else null
   * @param error the read error (the composite then fails), null otherwise
   */
  public record Input(String triggerName, Double value, Double fallbackValue, String error) {}

  /**
   * The composite value or why there is none.
   *
   * @param value {@code composite-metric} with milli precision, null on error
   * @param active {@code value > activationTarget} (false on error)
   * @param error the error, null on success
   */
  public record Result(MetricValue value, boolean active, String error) {}

  public static Result evaluate(ScaledObjectSpec spec, List<Input> inputs) {
    ScalingModifiers sm = spec.getAdvanced().getScalingModifiers();
    double activation;
    try {
      activation =
          sm.getActivationTarget() == null || sm.getActivationTarget().isEmpty()
              ? 0
              : Double.parseDouble(sm.getActivationTarget());
    } catch (NumberFormatException e) {
      return new Result(null, false, "error parsing activationTarget " + sm.getActivationTarget());
    }
    for (Input in : inputs) {
      if (in.fallbackValue() != null) {
        // fallback of a trigger wins: the formula is skipped (KEDA)
        return result(in.fallbackValue(), activation);
      }
    }
    Map<String, Double> env = new HashMap<>();
    for (Input in : inputs) {
      if (in.error() != null) {
        return new Result(null, false, in.error());
      }
      if (in.triggerName() != null && !in.triggerName().isEmpty()) {
        env.put(in.triggerName(), in.value());
      }
    }
    Double out;
    try {
      out = CompositeFormula.compile(sm.getFormula()).evaluate(env);
    } catch (FormulaException e) {
      return new Result(null, false, "error evaluating formula: " + e.getMessage());
    }
    if (out == null) {
      Fallback fb = spec.getFallback();
      if (fb == null || fb.getReplicas() == null) {
        return new Result(null, false, "formula returned nil and no fallback is configured");
      }
      out = fb.getReplicas() * Double.parseDouble(sm.getTarget());
    }
    return result(out, activation);
  }

  private static Result result(double value, double activation) {
    long milli = (long) (value * 1000);
    return new Result(new MetricValue(NAME, Quantity.ofMilli(milli)), value > activation, null);
  }
}
