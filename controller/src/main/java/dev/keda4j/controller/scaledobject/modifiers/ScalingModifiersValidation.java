package dev.keda4j.controller.scaledobject.modifiers;

import dev.keda4j.api.v1alpha1.KedaValidation;
import dev.keda4j.api.v1alpha1.ScaleTriggers;
import dev.keda4j.api.v1alpha1.ScaledObjectSpec;
import dev.keda4j.api.v1alpha1.ScalingModifiers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** KEDA's {@code ValidateAndCompileScalingModifiers} and target checks (scaledobject.md §7). */
public final class ScalingModifiersValidation {
  private ScalingModifiersValidation() {}

  /** Every error found; empty when scalingModifiers are unused or valid. */
  public static List<String> validate(ScaledObjectSpec spec) {
    List<String> errors = new ArrayList<>();
    if (!KedaValidation.isUsingModifiers(spec)) {
      if (spec.getFallback() != null
          && "scalingModifiers".equals(spec.getFallback().getBehavior())) {
        errors.add("fallback behavior scalingModifiers requires scalingModifiers.formula");
      }
      return errors;
    }
    ScalingModifiers sm = spec.getAdvanced().getScalingModifiers();
    if (sm.getFormula() == null || sm.getFormula().isEmpty()) {
      errors.add("error ScalingModifiers.Formula is mandatory");
      return errors;
    }
    if (sm.getTarget() == null || sm.getTarget().isEmpty()) {
      errors.add("formula is given but target is empty");
    } else if (!positive(sm.getTarget())) {
      errors.add(
          "error converting target for scalingModifiers (string->float) to valid target: "
              + sm.getTarget());
    }
    if ("Utilization".equals(sm.getMetricType())) {
      errors.add(
          "error trigger type is Utilization, but it needs to be AverageValue or Value for"
              + " external metrics");
    }
    Map<String, Double> env = new HashMap<>();
    if (spec.getTriggers() != null) {
      for (ScaleTriggers t : spec.getTriggers()) {
        boolean resource = "cpu".equals(t.getType()) || "memory".equals(t.getType());
        if (!resource && t.getName() != null && !t.getName().isEmpty()) {
          env.put(t.getName(), -1.0);
        }
      }
    }
    try {
      CompositeFormula.compile(sm.getFormula()).evaluate(env);
    } catch (FormulaException e) {
      errors.add("error trying to run custom formula: " + e.getMessage());
    }
    return errors;
  }

  private static boolean positive(String s) {
    try {
      return Double.parseDouble(s) > 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
