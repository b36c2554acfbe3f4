/**
 * The {@code cron} scaler (scalers.md §3.10): {@code desiredReplicas} inside a window, 0 outside,
 * against a target of 1.
 *
 * <p>Schedules follow robfig/cron v3 as KEDA configures it, not cron-utils or Quartz: {@link
 * dev.keda4j.scalers.cron.CronExpressionParser} and {@link dev.keda4j.scalers.cron.CronSchedule}
 * are a port of robfig's parser and {@code Next}, because the libraries differ from it in ways that
 * change scaling decisions (weekday 7, {@code L}/{@code W}/{@code #}, day-of-month OR day-of-week
 * matching, and DST: robfig never fires a wall time skipped by spring-forward and fires twice in a
 * repeated fall-back hour). Go's {@code time.Date} resolution of gap times is reproduced too.
 *
 * <p>Deviations from KEDA: a bad timezone fails the poll with KEDA's {@code unable to load
 * timezone} message, as KEDA does, but Java's tz database may know a few more or fewer names than
 * the Go binary's; a {@code Utilization} metricType is reported as a config error of the cron
 * trigger ({@code error parsing cron metadata: error getting scaler metric type: ...}).
 */
package dev.keda4j.scalers.cron;
