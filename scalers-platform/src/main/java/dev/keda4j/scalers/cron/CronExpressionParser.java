package dev.keda4j.scalers.cron;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * robfig/cron v3's parser with KEDA's options ({@code Minute | Hour | Dom | Month | Dow}): exactly
 * five fields, no descriptors, no seconds; an optional {@code TZ=}/{@code CRON_TZ=} prefix. Error
 * messages are robfig's.
 */
final class CronExpressionParser {
  private static final Field MINUTES = new Field(0, 59, Map.of());
  private static final Field HOURS = new Field(0, 23, Map.of());
  private static final Field DAYS_OF_MONTH = new Field(1, 31, Map.of());
  private static final Field MONTHS =
      new Field(
          1,
          12,
          Map.ofEntries(
              Map.entry("jan", 1),
              Map.entry("feb", 2),
              Map.entry("mar", 3),
              Map.entry("apr", 4),
              Map.entry("may", 5),
              Map.entry("jun", 6),
              Map.entry("jul", 7),
              Map.entry("aug", 8),
              Map.entry("sep", 9),
              Map.entry("oct", 10),
              Map.entry("nov", 11),
              Map.entry("dec", 12)));
  private static final Field DAYS_OF_WEEK =
      new Field(0, 6, Map.of("sun", 0, "mon", 1, "tue", 2, "wed", 3, "thu", 4, "fri", 5, "sat", 6));

  private CronExpressionParser() {}

  private record Field(int min, int max, Map<String, Integer> names) {}

  /**
   * Parses a schedule.
   *
   * @throws IllegalArgumentException with robfig's message
   */
  static CronSchedule parse(String spec) {
    if (spec.isEmpty()) {
      throw new IllegalArgumentException("empty spec string");
    }
    ZoneId zone = null;
    String rest = spec;
    if (rest.startsWith("TZ=") || rest.startsWith("CRON_TZ=")) {
      int space = rest.indexOf(' ');
      if (space < 0) {
        throw new IllegalArgumentException("provided bad location " + rest + ": no schedule");
      }
      String name = rest.substring(rest.indexOf('=') + 1, space);
      try {
        zone = GoTimeZones.load(name);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "provided bad location " + name + ": " + e.getMessage(), e);
      }
      rest = rest.substring(space).trim();
    }
    if (rest.startsWith("@")) {
      throw new IllegalArgumentException("parser does not accept descriptors: " + rest);
    }
    List<String> fields =
        Arrays.stream(rest.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    if (fields.size() != 5) {
      throw new IllegalArgumentException(
          "expected exactly 5 fields, found "
              + fields.size()
              + ": ["
              + String.join(" ", fields)
              + "]");
    }
    return new CronSchedule(
        field(fields.get(0), MINUTES),
        field(fields.get(1), HOURS),
        field(fields.get(2), DAYS_OF_MONTH),
        field(fields.get(3), MONTHS),
        field(fields.get(4), DAYS_OF_WEEK),
        zone);
  }

  /** A comma-separated list of ranges; empty elements are skipped like Go's FieldsFunc. */
  private static long field(String field, Field bounds) {
    long bits = 0;
    for (String range : field.split(",")) {
      if (!range.isEmpty()) {
        bits |= range(range, bounds);
      }
    }
    return bits;
  }

  /** {@code number | number "-" number [ "/" number ]}, {@code *} and {@code ?} for all. */
  private static long range(String expr, Field bounds) {
    String[] rangeAndStep = expr.split("/", -1);
    String[] lowAndHigh = rangeAndStep[0].split("-", -1);
    boolean single = lowAndHigh.length == 1;
    int start;
    int end;
    long extra = 0;
    if ("*".equals(lowAndHigh[0]) || "?".equals(lowAndHigh[0])) {
      start = bounds.min();
      end = bounds.max();
      extra = CronSchedule.STAR_BIT;
    } else {
      start = intOrName(lowAndHigh[0], bounds.names());
      if (lowAndHigh.length == 1) {
        end = start;
      } else if (lowAndHigh.length == 2) {
        end = intOrName(lowAndHigh[1], bounds.names());
      } else {
        throw new IllegalArgumentException("too many hyphens: " + expr);
      }
    }
    int step;
    if (rangeAndStep.length == 1) {
      step = 1;
    } else if (rangeAndStep.length == 2) {
      step = nonNegativeInt(rangeAndStep[1]);
      // robfig: "N/step" means "N-max/step"
      if (single) {
        end = bounds.max();
      }
      if (step > 1) {
        extra = 0;
      }
    } else {
      throw new IllegalArgumentException("too many slashes: " + expr);
    }
    if (start < bounds.min()) {
      throw new IllegalArgumentException(
          "beginning of range (" + start + ") below minimum (" + bounds.min() + "): " + expr);
    }
    if (end > bounds.max()) {
      throw new IllegalArgumentException(
          "end of range (" + end + ") above maximum (" + bounds.max() + "): " + expr);
    }
    if (start > end) {
      throw new IllegalArgumentException(
          "beginning of range (" + start + ") beyond end of range (" + end + "): " + expr);
    }
    if (step == 0) {
      throw new IllegalArgumentException("step of range should be a positive number: " + expr);
    }
    long bits = 0;
    for (int i = start; i <= end; i += step) {
      bits |= 1L << i;
    }
    return bits | extra;
  }

  private static int intOrName(String expr, Map<String, Integer> names) {
    Integer named = names.get(expr.toLowerCase(Locale.ROOT));
    return named != null ? named : nonNegativeInt(expr);
  }

  /** Go's {@code strconv.Atoi} plus robfig's negative check. */
  private static int nonNegativeInt(String expr) {
    int n;
    try {
      if (expr.isEmpty() || !expr.matches("[+-]?[0-9]+")) {
        throw new NumberFormatException();
      }
      n = Integer.parseInt(expr.startsWith("+") ? expr.substring(1) : expr);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "failed to parse int from "
              + expr
              + ": strconv.Atoi: parsing \""
              + expr
              + "\": invalid syntax",
          e);
    }
    if (n < 0) {
      throw new IllegalArgumentException("negative number (" + n + ") not allowed: " + expr);
    }
    return n;
  }
}
