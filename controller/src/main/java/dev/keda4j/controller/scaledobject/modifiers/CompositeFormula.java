package dev.keda4j.controller.scaledobject.modifiers;

import com.ezylang.evalex.EvaluationException;
import com.ezylang.evalex.Expression;
import com.ezylang.evalex.config.ExpressionConfiguration;
import com.ezylang.evalex.data.EvaluationValue;
import com.ezylang.evalex.functions.basic.CeilingFunction;
import com.ezylang.evalex.parser.ParseException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A scalingModifiers formula evaluated with EvalEx after rewriting the expr-lang operators KEDA's
 * users write ({@code **}, {@code and/or/not}, {@code nil}, {@code x ?? y} on simple operands,
 * {@code ceil}) into EvalEx syntax. Ternaries and {@code let} are not supported yet.
 */
public final class CompositeFormula {
  private static final ExpressionConfiguration CONFIG =
      ExpressionConfiguration.defaultConfiguration()
          .withAdditionalFunctions(
              Map.entry("CEIL", new CeilingFunction()),
              Map.entry("FLOAT", new FloatFunction()),
              Map.entry("INT", new IntFunction()));
  private static final Pattern COALESCE =
      Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*\\?\\?\\s*([A-Za-z0-9_.]+)");

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

  static String rewrite(String f) {
    String r = f.replace("**", "^");
    r = r.replaceAll("\\band\\b", "&&").replaceAll("\\bor\\b", "||").replaceAll("\\bnot\\b", "!");
    r = r.replaceAll("\\bnil\\b", "null");
    r = COALESCE.matcher(r).replaceAll("COALESCE($1, $2)");
    return r;
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
