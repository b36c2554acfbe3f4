package dev.keda4j.scalers.cron;

import dev.keda4j.scalers.config.ConfigError;
import dev.keda4j.scalers.config.ConfigStrings;
import dev.keda4j.scalers.config.Param;
import dev.keda4j.scalers.config.ValidatedConfig;
import java.util.List;

/**
 * {@code cron} (scalers.md §3.10). The timezone is only loaded when polling, as in KEDA, so a bad
 * one fails the poll rather than the build.
 *
 * @param timezone IANA name
 * @param start 5-field cron expression opening the window
 * @param end 5-field cron expression closing the window
 * @param desiredReplicas the value reported inside the window
 */
public record CronConfig(
    @Param(name = "timezone") String timezone,
    @Param(name = "start") String start,
    @Param(name = "end") String end,
    @Param(name = "desiredReplicas") long desiredReplicas)
    implements ValidatedConfig {

  /** KEDA's {@code Validate}: the first problem only, in KEDA's order. */
  @Override
  public List<ConfigError> validate() {
    String problem = firstProblem();
    return problem == null ? List.of() : List.of(new ConfigError("", problem));
  }

  private String firstProblem() {
    try {
      CronExpressionParser.parse(start);
    } catch (IllegalArgumentException e) {
      return "error parsing start schedule: " + e.getMessage();
    }
    try {
      CronExpressionParser.parse(end);
    } catch (IllegalArgumentException e) {
      return "error parsing end schedule: " + e.getMessage();
    }
    if (start.equals(end)) {
      return "start and end can not have exactly same time input";
    }
    if (desiredReplicas == 0) {
      return "no desiredReplicas specified";
    }
    return null;
  }

  @Override
  public String toString() {
    return ConfigStrings.describe(this);
  }
}
