package dev.keda4j.scalers.spi;

/** autoscaling/v2 metric target types. */
public enum MetricTargetType {
  VALUE("Value"),
  AVERAGE_VALUE("AverageValue"),
  UTILIZATION("Utilization");

  private final String wireName;

  MetricTargetType(String wireName) {
    this.wireName = wireName;
  }

  /** The name used in the HPA spec and in the trigger's {@code metricType}. */
  public String wireName() {
    return wireName;
  }

  /**
   * KEDA's {@code GetMetricTargetType} for external metrics: empty ⇒ AverageValue, Utilization ⇒
   * error, Value/AverageValue as given.
   *
   * @throws IllegalArgumentException with KEDA's message for Utilization or an unknown type
   */
  public static MetricTargetType forExternal(String metricType) {
    if (metricType == null || metricType.isEmpty()) {
      return AVERAGE_VALUE;
    }
    if (UTILIZATION.wireName.equals(metricType)) {
      throw new IllegalArgumentException(
          "'Utilization' metric type is unsupported for external metrics, allowed values are"
              + " 'Value' or 'AverageValue'");
    }
    for (MetricTargetType t : values()) {
      if (t.wireName.equals(metricType)) {
        return t;
      }
    }
    throw new IllegalArgumentException(
        "unknown metric type \"" + metricType + "\", allowed values are 'Value' or 'AverageValue'");
  }
}
