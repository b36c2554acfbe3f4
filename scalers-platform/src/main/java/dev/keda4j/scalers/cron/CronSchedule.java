package dev.keda4j.scalers.cron;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * A parsed 5-field schedule and robfig/cron v3's {@code SpecSchedule.Next}, ported step by step so
 * DST gaps and overlaps give the same firings as KEDA (a wall time skipped by spring-forward never
 * fires; one repeated by fall-back fires twice).
 *
 * @param minute bit i set ⇔ minute i matches
 * @param hour bit i set ⇔ hour i matches
 * @param dayOfMonth bit i set ⇔ day i matches; {@link #STAR_BIT} when written as {@code *}/{@code
 *     ?}
 * @param month bit i set ⇔ month i matches (1-based)
 * @param dayOfWeek bit i set ⇔ weekday i matches (0 = Sunday); {@link #STAR_BIT} as above
 * @param zone the {@code CRON_TZ=} zone, or null to use the caller's
 */
record CronSchedule(
    long minute, long hour, long dayOfMonth, long month, long dayOfWeek, ZoneId zone) {

  /** robfig's marker for a field written as {@code *} or {@code ?} (changes day matching). */
  static final long STAR_BIT = 1L << 63;

  /** Go's zero {@code time.Time}: what robfig returns when nothing fires within five years. */
  static final Instant GO_ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");

  /**
   * The first firing strictly after {@code now} (at second precision), or {@link #GO_ZERO_TIME}.
   */
  Instant next(Instant now, ZoneId callerZone) {
    ZoneId loc = zone != null ? zone : callerZone;
    ZonedDateTime t = now.atZone(loc);
    t = t.plusSeconds(1).minusNanos(t.getNano());
    boolean added = false;
    int yearLimit = t.getYear() + 5;

    wrap:
    while (true) {
      if (t.getYear() > yearLimit) {
        return GO_ZERO_TIME;
      }
      while ((1L << t.getMonthValue() & month) == 0) {
        if (!added) {
          added = true;
          t = goDate(t.getYear(), t.getMonthValue(), 1, 0, loc);
        }
        t = goDate(t.getYear(), t.getMonthValue() + 1, t.getDayOfMonth(), t.getHour(), t, loc);
        if (t.getMonthValue() == 1) {
          continue wrap;
        }
      }
      while (!dayMatches(t)) {
        if (!added) {
          added = true;
          t = goDate(t.getYear(), t.getMonthValue(), t.getDayOfMonth(), 0, loc);
        }
        t = goDate(t.getYear(), t.getMonthValue(), t.getDayOfMonth() + 1, t.getHour(), t, loc);
        // robfig: where midnight does not exist (DST at 00:00) snap back onto the day's start
        if (t.getHour() != 0) {
          t = t.getHour() > 12 ? t.plusHours(24L - t.getHour()) : t.minusHours(t.getHour());
        }
        if (t.getDayOfMonth() == 1) {
          continue wrap;
        }
      }
      while ((1L << t.getHour() & hour) == 0) {
        if (!added) {
          added = true;
          t = goDate(t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(), loc);
        }
        t = t.plusHours(1);
        if (t.getHour() == 0) {
          continue wrap;
        }
      }
      while ((1L << t.getMinute() & minute) == 0) {
        if (!added) {
          added = true;
          t = truncate(t, ChronoUnit.MINUTES);
        }
        t = t.plusMinutes(1);
        if (t.getMinute() == 0) {
          continue wrap;
        }
      }
      // the seconds field is fixed to 0 by KEDA's parser options
      while (t.getSecond() != 0) {
        if (!added) {
          added = true;
          t = truncate(t, ChronoUnit.SECONDS);
        }
        t = t.plusSeconds(1);
        if (t.getSecond() == 0) {
          continue wrap;
        }
      }
      return t.toInstant();
    }
  }

  private boolean dayMatches(ZonedDateTime t) {
    boolean domMatch = (1L << t.getDayOfMonth() & dayOfMonth) != 0;
    boolean dowMatch = (1L << (t.getDayOfWeek().getValue() % 7) & dayOfWeek) != 0;
    if ((dayOfMonth & STAR_BIT) != 0 || (dayOfWeek & STAR_BIT) != 0) {
      return domMatch && dowMatch;
    }
    return domMatch || dowMatch;
  }

  /** Go's {@code Truncate} works on absolute time, not on the wall clock. */
  private static ZonedDateTime truncate(ZonedDateTime t, ChronoUnit unit) {
    return t.toInstant().truncatedTo(unit).atZone(t.getZone());
  }

  private static ZonedDateTime goDate(int year, int month, int day, int hourOfDay, ZoneId loc) {
    return goDate(year, month, day, hourOfDay, null, loc);
  }

  /**
   * Go's {@code time.Date(y, m, d, h, min, s, 0, loc)}: out-of-range months and days roll over, and
   * a wall time in a DST gap resolves with the offset in force after the transition (so 02:30 on a
   * spring-forward night becomes 01:30 standard time), unlike Java which shifts forward.
   *
   * @param keepFrom when not null, minutes and seconds are taken from it (Go's {@code AddDate})
   */
  private static ZonedDateTime goDate(
      int year, int month, int day, int hourOfDay, ZonedDateTime keepFrom, ZoneId loc) {
    LocalDateTime local =
        LocalDateTime.of(year, 1, 1, 0, 0)
            .plusMonths(month - 1L)
            .plusDays(day - 1L)
            .plusHours(hourOfDay);
    if (keepFrom != null) {
      local = local.plusMinutes(keepFrom.getMinute()).plusSeconds(keepFrom.getSecond());
    }
    var rules = loc.getRules();
    var guess = rules.getOffset(local.toInstant(java.time.ZoneOffset.UTC));
    Instant utc = local.toInstant(guess);
    var actual = rules.getOffset(utc);
    Instant resolved = actual.equals(guess) ? utc : local.toInstant(actual);
    return resolved.atZone(loc);
  }
}
