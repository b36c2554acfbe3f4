package dev.keda4j.scalers.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keda4j.scalers.external.proto.GetMetricSpecResponse;
import dev.keda4j.scalers.external.proto.GetMetricsResponse;
import dev.keda4j.scalers.external.proto.MetricValue;
import dev.keda4j.scalers.spi.MetricSpec;
import dev.keda4j.scalers.spi.MetricTargetType;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MetricSpecsTest {

  private static dev.keda4j.scalers.external.proto.MetricSpec spec(
      String name, long size, double sizeFloat) {
    return dev.keda4j.scalers.external.proto.MetricSpec.newBuilder()
        .setMetricName(name)
        .setTargetSize(size)
        .setTargetSizeFloat(sizeFloat)
        .build();
  }

  /** scalers.md test case 22 ({@code TestConvertMetricSpecResponse}). */
  @Test
  void convertMetricSpecResponse() {
    GetMetricSpecResponse r =
        GetMetricSpecResponse.newBuilder()
            .addMetricSpecs(spec("metric-a", 50, 0))
            .addMetricSpecs(spec("metric-b", 0, 1.5))
            .build();
    var specs = MetricSpecs.convert(r, 0, MetricTargetType.AVERAGE_VALUE);
    assertThat(specs)
        .extracting(MetricSpec::metricName)
        .containsExactly("s0-metric-a", "s0-metric-b");
    assertThat(specs)
        .extracting(MetricSpec::targetType)
        .containsOnly(MetricTargetType.AVERAGE_VALUE);
    assertThat(specs).extracting(s -> s.target().toString()).containsExactly("50", "1500m");
    assertThat(specs)
        .extracting(MetricSpec::sourceType)
        .containsOnly(MetricSpec.SourceType.EXTERNAL);
  }

  static Stream<Arguments> targets() {
    return Stream.of(
        // targetSize, targetSizeFloat, index, type, expected name, expected target
        Arguments.of(5L, 0.0, 2, MetricTargetType.VALUE, "s2-q", "5"),
        Arguments.of(5L, 0.25, 1, MetricTargetType.AVERAGE_VALUE, "s1-q", "250m"),
        Arguments.of(0L, -1.0, 0, MetricTargetType.AVERAGE_VALUE, "s0-q", "0"),
        Arguments.of(3L, Double.NaN, 0, MetricTargetType.VALUE, "s0-q", "3"));
  }

  @ParameterizedTest
  @MethodSource("targets")
  void floatTargetWinsWhenPositive(
      long size, double sizeFloat, int index, MetricTargetType type, String name, String target) {
    var r = GetMetricSpecResponse.newBuilder().addMetricSpecs(spec("q", size, sizeFloat)).build();
    MetricSpec s = MetricSpecs.convert(r, index, type).get(0);
    assertThat(s.metricName()).isEqualTo(name);
    assertThat(s.targetType()).isEqualTo(type);
    assertThat(s.target().toString()).isEqualTo(target);
  }

  @Test
  void namesAreNotNormalisedSoTheServerGetsItsOwnNameBack() {
    var r = GetMetricSpecResponse.newBuilder().addMetricSpecs(spec("a/b.c", 1, 0)).build();
    String full = MetricSpecs.convert(r, 3, MetricTargetType.VALUE).get(0).metricName();
    assertThat(full).isEqualTo("s3-a/b.c");
    assertThat(MetricSpecs.stripPrefix(full, 3)).isEqualTo("a/b.c");
  }

  @Test
  void wrongIndexPrefixIsAnError() {
    assertThatThrownBy(() -> MetricSpecs.stripPrefix("s1-queue", 0))
        .hasMessage("metric name contains incorrect index prefix");
    assertThatThrownBy(() -> MetricSpecs.stripPrefix("queue", 0))
        .hasMessage("metric name contains incorrect index prefix");
  }

  static Stream<Arguments> values() {
    return Stream.of(
        Arguments.of(0L, 2.5, "2500m"),
        Arguments.of(42L, 0.0, "42"),
        Arguments.of(42L, 0.001, "1m"),
        Arguments.of(0L, 0.0, "0"));
  }

  @ParameterizedTest
  @MethodSource("values")
  void valuesCarryTheRequestedFullName(long v, double vf, String expected) {
    var r =
        GetMetricsResponse.newBuilder()
            .addMetricValues(
                MetricValue.newBuilder()
                    .setMetricName("server-side-name")
                    .setMetricValue(v)
                    .setMetricValueFloat(vf))
            .build();
    var values = MetricSpecs.values(r, "s0-queue");
    assertThat(values).hasSize(1);
    assertThat(values.get(0).metricName()).isEqualTo("s0-queue");
    assertThat(values.get(0).value().toString()).isEqualTo(expected);
  }
}
