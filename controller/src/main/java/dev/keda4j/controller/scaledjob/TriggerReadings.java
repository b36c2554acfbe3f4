package dev.keda4j.controller.scaledjob;

import java.util.List;
import java.util.Map;

/**
 * Everything one poll read from the triggers of a ScaledJob.
 *
 * @param metrics one reading per successfully polled External spec
 * @param errors one message per failure (build or poll), without secret values
 * @param activity activity per External metric name seen this poll ({@code
 *     status.triggersActivity})
 */
public record TriggerReadings(
    List<TriggerMetric> metrics, List<String> errors, Map<String, Boolean> activity) {
  public TriggerReadings {
    metrics = List.copyOf(metrics);
    errors = List.copyOf(errors);
    activity = Map.copyOf(activity);
  }

  public boolean anyError() {
    return !errors.isEmpty();
  }
}
