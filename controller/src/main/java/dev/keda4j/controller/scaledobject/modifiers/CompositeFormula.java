package dev.keda4j.controller.scaledobject.modifiers;

import com.ezylang.evalex.EvaluationException;
import com.ezylang.evalex.Expression;
import com.ezylang.evalex.config.ExpressionConfiguration;
import com.ezylang.evalex.data.EvaluationValue;
import com.ezylang.evalex.functions.basic.CeilingFunction;
import com.ezylang.evalex.parser.ParseException;
import java.util.Map;

/**
 * A scalingModifiers formula evaluated with EvalEx after {@link ExprTranslator} turned the
 * expr-lang KEDA's users write (arithmetic incl. {@code **}, comparisons, {@code and/or/not},
 * ternary {@code c ? a : b}, {@code ??} on any operand, {@code nil}, {@code let x = ...; body},
 * {@code min max abs ceil floor round float int}) into EvalEx syntax.
 */
public final class CompositeFormula {
  private static final ExpressionConfiguration CONFIG =
      ExpressionConfiguration.defaultConfiguration()
          .withAdditionalFunctions(
              Map.entry("CEIL", new CeilingFunction()),
              Map.entry("FLOAT", new FloatFunction()),
              Map.entry("INT", new IntFunction()),
              Map.entry("ROUNDHALFAWAY", new RoundHalfAwayFunction()));

  private final String source;
  private final String rewritten;

  private CompositeFormula(String source, String rewritten) {
    this.source = source;
    this.rewritten = rewritten;
  }

  /** Parses the formula; syntax errors are {@link FormulaException}s. */
  public static CompositeFormula compile(String formula) throws FormulaException {
    String r = rewrite(formula);
    try {
      new Expression(r, CONFIG).validate();
    } catch (ParseException e) {
      throw new FormulaException(e.getMessage());
    }
    return new CompositeFormula(formula, r);
  }

  static String rewrite(String f) throws FormulaException {
    return ExprTranslator.translate(f);
  }

  public String source() {
    return source;
  }

  /**
   * Evaluates with every trigger value bound; a null value stands for a failing trigger under
   * {@code fallback.behavior: scalingModifiers}.
   *
   * @return the result, or null for a nil result
   * @throws FormulaException for unknown identifiers, type errors and non-numeric results
   */
  public Double evaluate(Map<String, Double> values) throws FormulaException {
    Expression e = new Expression(rewritten, CONFIG);
    try {
      for (Map.Entry<String, Double> v : values.entrySet()) {
        e.with(v.getKey(), v.getValue());
      }
      EvaluationValue out = e.evaluate();
      if (out.isNullValue()) {
        return null;
      }
      if (!out.isNumberValue()) {
        throw new FormulaException("formula returned non-float result");
      }
      return out.getNumberValue().doubleValue();
    } catch (EvaluationException | ParseException ex) {
      throw new FormulaException(ex.getMessage());
    }
  }
}
