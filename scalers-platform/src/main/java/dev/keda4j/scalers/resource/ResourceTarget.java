package dev.keda4j.scalers.resource;

import dev.keda4j.scalers.spi.MetricSpec;
import dev.keda4j.scalers.spi.MetricTargetType;
import dev.keda4j.scalers.spi.Quantity;
import io.kubernetes.client.custom.QuantityFormatException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The HPA target of a cpu/memory trigger: {@code averageUtilization} (int32 percent) or {@code
 * averageValue} (a Kubernetes quantity), chosen by the trigger's {@code metricType}.
 *
 * @param type Utilization or AverageValue
 * @param averageValue the quantity for AverageValue, else null
 * @param averageUtilization the percentage for Utilization, else null
 */
record ResourceTarget(MetricTargetType type, Quantity averageValue, Integer averageUtilization) {

  /**
   * KEDA's {@code parseResourceMetadata} after binding.
   *
   * @throws IllegalArgumentException with KEDA's message
   */
  static ResourceTarget of(String metricType, String value) {
    if (MetricTargetType.UTILIZATION.wireName().equals(metricType)) {
      return new ResourceTarget(MetricTargetType.UTILIZATION, null, parseInt32(value));
    }
    if (MetricTargetType.AVERAGE_VALUE.wireName().equals(metricType)) {
      return new ResourceTarget(MetricTargetType.AVERAGE_VALUE, parseQuantity(value), null);
    }
    throw new IllegalArgumentException(
        "unknown metric type: "
            + metricType
            + ", allowed values are 'Utilization' or 'AverageValue'");
  }

  MetricSpec toSpec(String resourceName, String containerName) {
    // the binder gives "" for an absent optional string; the HPA model wants no container at all
    String container = containerName == null || containerName.isEmpty() ? null : containerName;
    return MetricSpec.resource(resourceName, container, type, averageValue, averageUtilization);
  }

  /** Go's {@code strconv.ParseInt(value, 10, 32)}. */
  private static int parseInt32(String value) {
    if (!value.matches("[+-]?[0-9]+")) {
      throw new IllegalArgumentException(
          "strconv.ParseInt: parsing \"" + value + "\": invalid syntax");
    }
    try {
      return Integer.parseInt(value.startsWith("+") ? value.substring(1) : value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "strconv.ParseInt: parsing \"" + value + "\": value out of range", e);
    }
  }

  /**
   * A Kubernetes quantity ({@code 500m}, {@code 256Mi}, {@code 1e3}) in milli units, rounded up
   * like {@code resource.Quantity.MilliValue}. KEDA panics on a bad quantity; here it is an error.
   */
  private static Quantity parseQuantity(String value) {
    try {
      BigDecimal number = new io.kubernetes.client.custom.Quantity(value).getNumber();
      return Quantity.ofMilli(
          number.movePointRight(3).setScale(0, RoundingMode.CEILING).longValueExact());
    } catch (QuantityFormatException | ArithmeticException e) {
      throw new IllegalArgumentException(
          "cannot parse '"
              + value
              + "': quantities must match the regular expression"
              + " '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
          e);
    }
  }
}
