package dev.keda4j.scalers.cron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** robfig/cron v3 parsing and {@code Next}, including its day-matching and DST behaviour. */
class CronScheduleTest {

  static Stream<Arguments> nextFirings() {
    return Stream.of(
        next(
            "every minute is strictly after now",
            "* * * * *",
            "UTC",
            "2026-01-05T10:00:00Z",
            "2026-01-05T10:01:00Z"),
        next(
            "sub-second now rounds up to the next minute",
            "* * * * *",
            "UTC",
            "2026-01-05T10:00:00.500Z",
            "2026-01-05T10:01:00Z"),
        next(
            "step over hours",
            "0 */2 * * *",
            "UTC",
            "2026-01-05T10:00:00Z",
            "2026-01-05T12:00:00Z"),
        next(
            "range with step",
            "0 1-23/2 * * *",
            "UTC",
            "2026-01-05T10:00:00Z",
            "2026-01-05T11:00:00Z"),
        next(
            "N/step means N-max/step",
            "5/20 * * * *",
            "UTC",
            "2026-01-05T10:30:00Z",
            "2026-01-05T10:45:00Z"),
        next("list", "0,30 * * * *", "UTC", "2026-01-05T10:10:00Z", "2026-01-05T10:30:00Z"),
        next("month names", "0 0 1 mar *", "UTC", "2026-01-05T10:00:00Z", "2026-03-01T00:00:00Z"),
        next(
            "day names any case",
            "0 9 * * tHu",
            "UTC",
            "2026-01-05T10:00:00Z",
            "2026-01-08T09:00:00Z"),
        next(
            "dom and dow both restricted: either matches",
            "0 9 13 * Fri",
            "UTC",
            "2026-01-05T10:00:00Z",
            "2026-01-09T09:00:00Z"),
        next(
            "dow restricted, dom star: dow alone",
            "0 9 * * Fri",
            "UTC",
            "2026-01-05T10:00:00Z",
            "2026-01-09T09:00:00Z"),
        next(
            "question mark is a star",
            "0 9 ? * Fri",
            "UTC",
            "2026-01-05T10:00:00Z",
            "2026-01-09T09:00:00Z"),
        next(
            "31st skips short months",
            "0 0 31 * *",
            "UTC",
            "2026-02-01T00:00:00Z",
            "2026-03-31T00:00:00Z"),
        next("leap day", "0 0 29 2 *", "UTC", "2026-01-01T00:00:00Z", "2028-02-29T00:00:00Z"),
        next(
            "never within five years",
            "0 0 30 2 *",
            "UTC",
            "2026-01-01T00:00:00Z",
            "0001-01-01T00:00:00Z"),
        next(
            "spring forward skips the missing wall time to the next day",
            "30 2 * * *",
            "America/New_York",
            "2026-03-08T06:00:00Z",
            "2026-03-09T06:30:00Z"),
        next(
            "fall back fires in the repeated hour again",
            "30 1 * * *",
            "America/New_York",
            "2026-11-01T05:30:00Z",
            "2026-11-01T06:30:00Z"),
        next(
            "Sao Paulo 2018: a day without midnight still fires at 09:00",
            "0 9 * * *",
            "America/Sao_Paulo",
            "2018-11-03T15:00:00Z",
            "2018-11-04T11:00:00Z"),
        next(
            "Sao Paulo 2018: day loop snaps the missing midnight onto 01:00",
            "0 9 * * Sun",
            "America/Sao_Paulo",
            "2018-11-03T15:00:00Z",
            "2018-11-04T11:00:00Z"),
        next(
            "Sao Paulo 2018: a midnight schedule skips the day without midnight",
            "0 0 * * *",
            "America/Sao_Paulo",
            "2018-11-03T15:00:00Z",
            "2018-11-05T02:00:00Z"),
        next(
            "in zone, wall clock hours",
            "0 9 * * *",
            "Europe/Berlin",
            "2026-07-06T00:00:00Z",
            "2026-07-06T07:00:00Z"));
  }

  private static Arguments next(
      String name, String spec, String zone, String now, String expected) {
    return Arguments.of(name, spec, zone, now, expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nextFirings")
  void nextFiring(String name, String spec, String zone, String now, String expected) {
    CronSchedule schedule = CronExpressionParser.parse(spec);

    assertThat(schedule.next(Instant.parse(now), ZoneId.of(zone)))
        .isEqualTo(Instant.parse(expected));
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("empty", "", "empty spec string"),
        Arguments.of(
            "six fields", "0 0 0 * * *", "expected exactly 5 fields, found 6: [0 0 0 * * *]"),
        Arguments.of("four fields", "0 0 * *", "expected exactly 5 fields, found 4: [0 0 * *]"),
        Arguments.of("descriptor", "@daily", "parser does not accept descriptors: @daily"),
        Arguments.of("minute 60", "60 * * * *", "end of range (60) above maximum (59): 60"),
        Arguments.of("dow 7", "0 0 * * 7", "end of range (7) above maximum (6): 7"),
        Arguments.of("dom 0", "0 0 0 * *", "beginning of range (0) below minimum (1): 0"),
        Arguments.of(
            "reversed range", "0 5-2 * * *", "beginning of range (5) beyond end of range (2): 5-2"),
        Arguments.of("zero step", "*/0 * * * *", "step of range should be a positive number: */0"),
        Arguments.of("two slashes", "*/2/3 * * * *", "too many slashes: */2/3"),
        Arguments.of("two hyphens", "1-2-3 * * * *", "too many hyphens: 1-2-3"),
        Arguments.of(
            "unknown name",
            "0 0 * * Funday",
            "failed to parse int from Funday: strconv.Atoi: parsing \"Funday\": invalid syntax"),
        Arguments.of(
            "L is not robfig",
            "0 0 L * *",
            "failed to parse int from L: strconv.Atoi: parsing \"L\": invalid syntax"),
        Arguments.of(
            "bad CRON_TZ",
            "CRON_TZ=Nowhere/Land 0 * * * *",
            "provided bad location Nowhere/Land: unknown time zone Nowhere/Land"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void rejects(String name, String spec, String message) {
    assertThatThrownBy(() -> CronExpressionParser.parse(spec))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }
}
