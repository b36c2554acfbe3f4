package dev.keda4j.controller.scaledjob;

import java.util.List;
import java.util.Locale;

/** {@code scalingStrategy.multipleScalersCalculation}: how the triggers' readings combine. */
public enum ScalersCalculation {
  MAX,
  MIN,
  AVG,
  SUM;

  /** Unknown and empty values mean {@code max}, as in KEDA. */
  public static ScalersCalculation of(String value) {
    if (value == null) {
      return MAX;
    }
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "min" -> MIN;
      case "avg" -> AVG;
      case "sum" -> SUM;
      default -> MAX;
    };
  }

  /**
   * Combines the readings; only active readings take part (KEDA's {@code IsScaledJobActive}).
   *
   * @param metrics one reading per polled External spec
   * @param minReplicaCount {@code MinReplicaCount()}: above 0 the ScaledJob is always active
   * @param maxReplicaCount {@code MaxReplicaCount()}: caps the combined max value
   */
  public CombinedMetrics combine(
      List<TriggerMetric> metrics, int minReplicaCount, int maxReplicaCount) {
    double q = 0;
    double v = 0;
    boolean active = false;
    switch (this) {
      case MIN -> {
        for (TriggerMetric m : metrics) {
          // KEDA treats a current best of 0 as unset, so an idle queue never wins "min"
          if (m.active() && (q == 0 || m.queueLength() < q)) {
            q = m.queueLength();
            v = m.maxValue();
            active = true;
          }
        }
      }
      case AVG, SUM -> {
        int n = 0;
        for (TriggerMetric m : metrics) {
          if (m.active()) {
            q += m.queueLength();
            v += m.maxValue();
            n++;
          }
        }
        if (this == AVG && n > 0) {
          q /= n;
          v /= n;
        }
        active = n > 0;
      }
      default -> {
        for (TriggerMetric m : metrics) {
          if (m.active() && m.queueLength() > q) {
            q = m.queueLength();
            v = m.maxValue();
            active = true;
          }
        }
      }
    }
    if (minReplicaCount > 0) {
      active = true;
    }
    v = Math.min(v, maxReplicaCount);
    return new CombinedMetrics(active, (long) Math.ceil(q), (long) Math.ceil(v));
  }
}
