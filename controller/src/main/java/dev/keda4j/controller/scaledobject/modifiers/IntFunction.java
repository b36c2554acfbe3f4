package dev.keda4j.controller.scaledobject.modifiers;

import com.ezylang.evalex.Expression;
import com.ezylang.evalex.data.EvaluationValue;
import com.ezylang.evalex.functions.AbstractFunction;
import com.ezylang.evalex.functions.FunctionParameter;
import com.ezylang.evalex.parser.Token;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** expr-lang's {@code int(x)}: truncates toward zero like Go's conversion. */
@FunctionParameter(name = "value")
public class IntFunction extends AbstractFunction {
  @Override
  public EvaluationValue evaluate(
      Expression expression, Token functionToken, EvaluationValue... parameterValues) {
    BigDecimal v = parameterValues[0].getNumberValue().setScale(0, RoundingMode.DOWN);
    return expression.convertValue(v);
  }
}
