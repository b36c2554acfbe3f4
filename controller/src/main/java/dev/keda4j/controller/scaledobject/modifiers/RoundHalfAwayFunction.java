package dev.keda4j.controller.scaledobject.modifiers;

import com.ezylang.evalex.Expression;
import com.ezylang.evalex.data.EvaluationValue;
import com.ezylang.evalex.functions.AbstractFunction;
import com.ezylang.evalex.functions.FunctionParameter;
import com.ezylang.evalex.parser.Token;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** expr-lang's {@code round(x)}: Go's math.Round, half away from zero. */
@FunctionParameter(name = "value")
public class RoundHalfAwayFunction extends AbstractFunction {
  @Override
  public EvaluationValue evaluate(
      Expression expression, Token functionToken, EvaluationValue... parameterValues) {
    BigDecimal v = parameterValues[0].getNumberValue().setScale(0, RoundingMode.HALF_UP);
    return expression.convertValue(v);
  }
}
