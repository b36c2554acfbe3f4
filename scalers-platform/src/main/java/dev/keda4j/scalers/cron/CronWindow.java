package dev.keda4j.scalers.cron;

import java.time.Instant;
import java.time.ZoneId;

/**
 * Whether an instant lies inside the window opened by {@code start} and closed by {@code end}:
 * inside ⇔ the next end firing is not after the next start firing. Comparing next firings instead
 * of previous ones makes windows that cross midnight or span days work without special cases.
 *
 * @param zone the trigger's timezone
 * @param start opening schedule
 * @param end closing schedule
 */
record CronWindow(ZoneId zone, CronSchedule start, CronSchedule end) {

  /**
   * The window of a validated config.
   *
   * @throws IllegalArgumentException {@code unknown time zone <tz>} for a timezone Go can't load
   */
  static CronWindow of(CronConfig config) {
    return new CronWindow(
        GoTimeZones.load(config.timezone()),
        CronExpressionParser.parse(config.start()),
        CronExpressionParser.parse(config.end()));
  }

  boolean contains(Instant now) {
    Instant nextStart = start.next(now, zone);
    Instant nextEnd = end.next(now, zone);
    return !nextStart.isBefore(nextEnd);
  }
}
