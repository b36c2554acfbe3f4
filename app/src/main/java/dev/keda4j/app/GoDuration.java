package dev.keda4j.app;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Go's {@code time.ParseDuration} format ({@code 15s}, {@code 1.5s}, {@code 300ms}, {@code 1m30s}).
 */
final class GoDuration {

  private static final Pattern PART =
      Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h)");
  private static final Map<String, Long> NANOS =
      Map.of(
          "ns", 1L,
          "us", 1_000L,
          "µs", 1_000L,
          "ms", 1_000_000L,
          "s", 1_000_000_000L,
          "m", 60_000_000_000L,
          "h", 3_600_000_000_000L);

  private GoDuration() {}

  /** Parses a Go duration; a bare {@code 0} is zero. Throws UserFacingException naming the flag. */
  static Duration parse(String flag, String value) {
    String text = value == null ? "" : value.trim();
    if (text.equals("0")) {
      return Duration.ZERO;
    }
    Matcher matcher = PART.matcher(text);
    BigDecimal nanos = BigDecimal.ZERO;
    int end = 0;
    while (matcher.find() && matcher.start() == end) {
      nanos =
          nanos.add(
              new BigDecimal(matcher.group(1))
                  .multiply(BigDecimal.valueOf(NANOS.get(matcher.group(2)))));
      end = matcher.end();
    }
    if (text.isEmpty() || end != text.length()) {
      throw new UserFacingException(
          flag + " " + value + " is not a duration like 15s, 1.5s, 300ms or 1m30s");
    }
    return Duration.ofNanos(nanos.longValue());
  }
}
