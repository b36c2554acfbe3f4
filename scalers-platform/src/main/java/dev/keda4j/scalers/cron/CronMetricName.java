package dev.keda4j.scalers.cron;

/** KEDA's {@code cron-<tz>-<start'>-<end'>} base name, before normalisation and indexing. */
final class CronMetricName {
  private CronMetricName() {}

  static String base(CronConfig config) {
    return "cron-"
        + config.timezone()
        + "-"
        + compact(config.start())
        + "-"
        + compact(config.end());
  }

  /** KEDA's {@code parseCronTimeFormat}: characters a metric name can't carry get spelled out. */
  static String compact(String expression) {
    return expression
        .replace(" ", "")
        .replace("*", "x")
        .replace("/", "Sl")
        .replace("?", "Qm")
        .replace(",", "Cm");
  }
}
