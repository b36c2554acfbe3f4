package dev.keda4j.scalers.sql;

import java.util.Optional;

/**
 * The metric value from the first column of the first row, as KEDA scans it into a float64: numbers
 * and numeric text are accepted; NULL, booleans, other text and non-finite numbers are errors.
 */
public final class QueryValues {
  private QueryValues() {}

  /**
   * The value, or the reason it is not one.
   *
   * @param column what the driver returned for the column ({@code null} for SQL NULL)
   */
  public static Result toDouble(Object column) {
    if (column == null) {
      return Result.failure("query result is NULL");
    }
    double v;
    if (column instanceof Number n) {
      v = n.doubleValue();
    } else if (column instanceof String s) {
      Optional<Double> parsed = parse(s);
      if (parsed.isEmpty()) {
        return Result.failure("query result \"" + abbreviate(s) + "\" is not a number");
      }
      v = parsed.get();
    } else {
      return Result.failure(
          "query result of type " + column.getClass().getSimpleName() + " is not a number");
    }
    // KEDA would report NaN/Inf as 0; here that would hide a broken query behind a zero.
    if (!Double.isFinite(v)) {
      return Result.failure("query result " + v + " is not a finite number");
    }
    return Result.success(v);
  }

  private static Optional<Double> parse(String s) {
    // Go's strconv.ParseFloat accepts neither surrounding blanks nor Java's 'd'/'f' suffixes.
    if (s.isEmpty() || !s.equals(s.strip()) || s.matches(".*[dDfF]$")) {
      return Optional.empty();
    }
    try {
      return Optional.of(Double.parseDouble(s));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "...";
  }

  /**
   * A value or an error message.
   *
   * @param value the value when {@code error} is null
   * @param error why there is no value, or null
   */
  public record Result(double value, String error) {
    static Result success(double v) {
      return new Result(v, null);
    }

    static Result failure(String error) {
      return new Result(0, error);
    }

    public boolean ok() {
      return error == null;
    }
  }
}
