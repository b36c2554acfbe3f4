package dev.keda4j.scalers.http;

import java.util.Locale;
import java.util.regex.Pattern;

/** Go's {@code strconv.ParseFloat(s, 64)} for the decimal forms Prometheus emits. */
public final class GoFloat {
  private static final Pattern DECIMAL =
      Pattern.compile(
          "[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?|[+-]?0[xX][0-9a-fA-F.]+[pP][+-]?\\d+");

  private GoFloat() {}

  /**
   * The value of {@code s}; {@code Inf}, {@code Infinity} and {@code NaN} in any case, signed or
   * not, like Go.
   *
   * @throws NumberFormatException with Go's message when {@code s} is not a float
   */
  public static double parse(String s) {
    String lower = s.toLowerCase(Locale.ROOT);
    String unsigned = lower.startsWith("+") || lower.startsWith("-") ? lower.substring(1) : lower;
    boolean negative = lower.startsWith("-");
    if (unsigned.equals("inf") || unsigned.equals("infinity")) {
      return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    if (unsigned.equals("nan")) {
      return Double.NaN;
    }
    if (!DECIMAL.matcher(s).matches()) {
      throw new NumberFormatException("strconv.ParseFloat: parsing \"" + s + "\": invalid syntax");
    }
    return Double.parseDouble(s);
  }
}
