package dev.keda4j.scalers.cron;

import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Go's {@code time.LoadLocation}: IANA names only. Java would also take offsets such as {@code
 * +02:00} or {@code UTC+2}, which KEDA rejects, so only region IDs of the tz database pass.
 */
final class GoTimeZones {
  private GoTimeZones() {}

  /**
   * The zone for {@code name}.
   *
   * @throws IllegalArgumentException {@code unknown time zone <name>}
   */
  static ZoneId load(String name) {
    if (name.isEmpty() || "UTC".equals(name)) {
      return ZoneOffset.UTC;
    }
    if ("Local".equals(name)) {
      return ZoneId.systemDefault();
    }
    if (ZoneId.getAvailableZoneIds().contains(name)) {
      return ZoneId.of(name);
    }
    throw new IllegalArgumentException("unknown time zone " + name);
  }
}
