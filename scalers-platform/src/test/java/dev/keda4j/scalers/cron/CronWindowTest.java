package dev.keda4j.scalers.cron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The window as a pure function of (config, now): day boundaries, midnight, weekdays, DST. */
class CronWindowTest {

  static Stream<Arguments> rows() {
    return Stream.of(
        row(
            "inside a same-day window",
            "Etc/UTC",
            "0 9 * * *",
            "0 17 * * *",
            "2026-01-05T12:00:00Z",
            true),
        row(
            "before a same-day window",
            "Etc/UTC",
            "0 9 * * *",
            "0 17 * * *",
            "2026-01-05T08:59:59Z",
            false),
        row(
            "exactly at start is inside",
            "Etc/UTC",
            "0 9 * * *",
            "0 17 * * *",
            "2026-01-05T09:00:00Z",
            true),
        row(
            "exactly at end is outside",
            "Etc/UTC",
            "0 9 * * *",
            "0 17 * * *",
            "2026-01-05T17:00:00Z",
            false),
        row(
            "one second before end is inside",
            "Etc/UTC",
            "0 9 * * *",
            "0 17 * * *",
            "2026-01-05T16:59:59Z",
            true),
        row(
            "crossing midnight, before midnight",
            "Etc/UTC",
            "0 22 * * *",
            "0 6 * * *",
            "2026-01-05T23:30:00Z",
            true),
        row(
            "crossing midnight, after midnight",
            "Etc/UTC",
            "0 22 * * *",
            "0 6 * * *",
            "2026-01-06T02:00:00Z",
            true),
        row(
            "crossing midnight, midday is outside",
            "Etc/UTC",
            "0 22 * * *",
            "0 6 * * *",
            "2026-01-06T12:00:00Z",
            false),
        row(
            "weekend window, Saturday",
            "Etc/UTC",
            "0 18 * * Fri",
            "0 8 * * Mon",
            "2026-01-10T12:00:00Z",
            true),
        row(
            "weekend window, Monday 07:59",
            "Etc/UTC",
            "0 18 * * Fri",
            "0 8 * * Mon",
            "2026-01-12T07:59:00Z",
            true),
        row(
            "weekend window, Wednesday",
            "Etc/UTC",
            "0 18 * * Fri",
            "0 8 * * Mon",
            "2026-01-07T12:00:00Z",
            false),
        row(
            "whole Thursday (spec example), Thursday",
            "Etc/UTC",
            "0 0 * * Thu",
            "59 23 * * Thu",
            "2026-01-08T10:00:00Z",
            true),
        row(
            "whole Thursday (spec example), Friday",
            "Etc/UTC",
            "0 0 * * Thu",
            "59 23 * * Thu",
            "2026-01-09T10:00:00Z",
            false),
        row(
            "first day of month, inside",
            "Etc/UTC",
            "0 0 1 * *",
            "0 0 2 * *",
            "2026-02-01T10:00:00Z",
            true),
        row(
            "first day of month, last minute before",
            "Etc/UTC",
            "0 0 1 * *",
            "0 0 2 * *",
            "2026-01-31T23:59:00Z",
            false),
        row(
            "new year's night across the year boundary",
            "Etc/UTC",
            "0 23 31 12 *",
            "0 1 1 1 *",
            "2027-01-01T00:30:00Z",
            true),
        row(
            "Berlin winter 09:30 CET",
            "Europe/Berlin",
            "0 9 * * *",
            "0 17 * * *",
            "2026-01-05T08:30:00Z",
            true),
        row(
            "Berlin winter 09:30 CET before a 10:00 start",
            "Europe/Berlin",
            "0 10 * * *",
            "0 17 * * *",
            "2026-01-05T08:30:00Z",
            false),
        row(
            "Berlin summer 16:30 CEST",
            "Europe/Berlin",
            "0 9 * * *",
            "0 17 * * *",
            "2026-07-06T14:30:00Z",
            true),
        row(
            "Berlin summer 17:30 CEST",
            "Europe/Berlin",
            "0 9 * * *",
            "0 17 * * *",
            "2026-07-06T15:30:00Z",
            false),
        row(
            "Tokyo window, a day ahead of UTC",
            "Asia/Tokyo",
            "0 8 * * Mon",
            "0 9 * * Mon",
            "2026-01-04T23:30:00Z",
            true),
        // 02:30 does not exist on 2026-03-08 in New York, so from the previous end (03-07 04:00)
        // the next end comes before the next start: KEDA's forward-looking rule counts the whole
        // span up to 03-08 04:00 as inside
        row(
            "spring forward, night before the skipped start",
            "America/New_York",
            "30 2 * * *",
            "0 4 * * *",
            "2026-03-08T06:59:00Z",
            true),
        row(
            "spring forward, the day before",
            "America/New_York",
            "30 2 * * *",
            "0 4 * * *",
            "2026-03-07T17:00:00Z",
            true),
        row(
            "spring forward, after end",
            "America/New_York",
            "30 2 * * *",
            "0 4 * * *",
            "2026-03-08T08:10:00Z",
            false),
        row(
            "ordinary night before, outside until 02:30",
            "America/New_York",
            "30 2 * * *",
            "0 4 * * *",
            "2026-03-10T05:00:00Z",
            false),
        row(
            "ordinary night, inside after 02:30",
            "America/New_York",
            "30 2 * * *",
            "0 4 * * *",
            "2026-03-10T06:45:00Z",
            true),
        // 01:00-02:00 happens twice on 2026-11-01 in New York: robfig fires in both
        row(
            "fall back, first 01:15 (EDT) inside",
            "America/New_York",
            "0 1 * * *",
            "30 1 * * *",
            "2026-11-01T05:15:00Z",
            true),
        row(
            "fall back, first 01:45 (EDT) outside",
            "America/New_York",
            "0 1 * * *",
            "30 1 * * *",
            "2026-11-01T05:45:00Z",
            false),
        row(
            "fall back, second 01:15 (EST) inside again",
            "America/New_York",
            "0 1 * * *",
            "30 1 * * *",
            "2026-11-01T06:15:00Z",
            true),
        row(
            "fall back, second 01:45 (EST) outside",
            "America/New_York",
            "0 1 * * *",
            "30 1 * * *",
            "2026-11-01T06:45:00Z",
            false),
        row(
            "start that never fires: always outside",
            "Etc/UTC",
            "0 0 30 2 *",
            "0 1 * * *",
            "2026-01-05T00:30:00Z",
            false),
        row(
            "end that never fires: always inside",
            "Etc/UTC",
            "0 1 * * *",
            "0 0 30 2 *",
            "2026-01-05T00:30:00Z",
            true),
        row(
            "CRON_TZ prefix overrides the trigger timezone",
            "Etc/UTC",
            "CRON_TZ=Asia/Tokyo 0 9 * * *",
            "CRON_TZ=Asia/Tokyo 0 17 * * *",
            "2026-01-05T01:00:00Z",
            true));
  }

  private static Arguments row(
      String name, String tz, String start, String end, String now, boolean inside) {
    return Arguments.of(name, tz, start, end, now, inside);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void windowContains(
      String name, String tz, String start, String end, String now, boolean inside) {
    CronWindow window = CronWindow.of(new CronConfig(tz, start, end, 3));

    assertThat(window.contains(Instant.parse(now))).isEqualTo(inside);
  }

  @Test
  void unknownTimezoneIsGoMessage() {
    assertThatThrownBy(
            () -> CronWindow.of(new CronConfig("Mars/Olympus", "0 9 * * *", "0 17 * * *", 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown time zone Mars/Olympus");
  }

  @Test
  void offsetStyleZonesAreRejectedLikeGo() {
    assertThatThrownBy(() -> CronWindow.of(new CronConfig("+02:00", "0 9 * * *", "0 17 * * *", 1)))
        .hasMessage("unknown time zone +02:00");
  }
}
