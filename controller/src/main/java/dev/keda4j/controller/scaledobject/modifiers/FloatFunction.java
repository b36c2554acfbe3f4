package dev.keda4j.controller.scaledobject.modifiers;

import com.ezylang.evalex.Expression;
import com.ezylang.evalex.data.EvaluationValue;
import com.ezylang.evalex.functions.AbstractFunction;
import com.ezylang.evalex.functions.FunctionParameter;
import com.ezylang.evalex.parser.Token;

/** expr-lang's {@code float(x)}: numbers are already floats here. */
@FunctionParameter(name = "value")
public class FloatFunction extends AbstractFunction {
  @Override
  public EvaluationValue evaluate(
      Expression expression, Token functionToken, EvaluationValue... parameterValues) {
    return parameterValues[0];
  }
}
