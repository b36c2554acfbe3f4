package dev.keda4j.scalers.external;

import dev.keda4j.scalers.external.proto.GetMetricSpecResponse;
import dev.keda4j.scalers.external.proto.GetMetricsResponse;
import dev.keda4j.scalers.spi.MetricSpec;
import dev.keda4j.scalers.spi.MetricTargetType;
import dev.keda4j.scalers.spi.MetricValue;
import dev.keda4j.scalers.spi.Quantity;
import java.util.ArrayList;
import java.util.List;

/** Pure conversions between the external scaler's messages and the SPI's types. */
final class MetricSpecs {
  static final String WRONG_PREFIX = "metric name contains incorrect index prefix";

  private MetricSpecs() {}

  /**
   * KEDA's {@code convertMetricSpecResponse}-like step: each spec becomes the external metric
   * {@code s<i>-<metricName>} (not normalised, as KEDA) with target {@code targetSizeFloat} (milli)
   * when it is &gt; 0, else {@code targetSize}.
   */
  static List<MetricSpec> convert(
      GetMetricSpecResponse response, int triggerIndex, MetricTargetType type) {
    List<MetricSpec> out = new ArrayList<>(response.getMetricSpecsCount());
    for (var s : response.getMetricSpecsList()) {
      Quantity target =
          s.getTargetSizeFloat() > 0
              ? Quantity.fromDouble(s.getTargetSizeFloat())
              : Quantity.of(s.getTargetSize());
      out.add(MetricSpec.external("s" + triggerIndex + "-" + s.getMetricName(), type, target));
    }
    return List.copyOf(out);
  }

  /**
   * The name the external scaler knows: {@code fullName} without its {@code s<i>-} prefix.
   *
   * @throws IllegalArgumentException when the prefix is not this trigger's
   */
  static String stripPrefix(String fullName, int triggerIndex) {
    String prefix = "s" + triggerIndex + "-";
    if (!fullName.startsWith(prefix)) {
      throw new IllegalArgumentException(WRONG_PREFIX);
    }
    return fullName.substring(prefix.length());
  }

  /**
   * Each returned value, named with the requested full name: {@code metricValueFloat} when &gt; 0,
   * else {@code metricValue}.
   */
  static List<MetricValue> values(GetMetricsResponse response, String fullName) {
    List<MetricValue> out = new ArrayList<>(response.getMetricValuesCount());
    for (var v : response.getMetricValuesList()) {
      out.add(
          v.getMetricValueFloat() > 0
              ? MetricValue.ofDouble(fullName, v.getMetricValueFloat())
              : new MetricValue(fullName, Quantity.of(v.getMetricValue())));
    }
    return List.copyOf(out);
  }
}
