package dev.keda4j.scalers.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keda4j.scalers.config.ConfigException;
import dev.keda4j.scalers.spi.MetricSpec;
import dev.keda4j.scalers.spi.MetricSpec.SourceType;
import dev.keda4j.scalers.spi.MetricTargetType;
import dev.keda4j.scalers.spi.Quantity;
import dev.keda4j.scalers.spi.Scaler;
import dev.keda4j.scalers.spi.ScalerContext;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Parameter cases of scalers.md §3.11 and "Test cases worth having" 23. */
class ResourceScalerTest {

  private static Scaler build(String type, String metricType, Map<String, String> metadata)
      throws ConfigException {
    ResourceScalerProvider provider = new ResourceScalerProvider();
    ScalerContext ctx =
        ScalerContext.builder(type)
            .triggerIndex(1)
            .metadata(metadata)
            .metricType(metricType)
            .build();
    return provider.create(ctx, provider.bind(ctx).config(), null);
  }

  static Stream<Arguments> specs() {
    return Stream.of(
        Arguments.of(
            "cpu Utilization 50 ⇒ Resource cpu",
            "cpu",
            "Utilization",
            Map.of("value", "50"),
            new MetricSpec(
                SourceType.RESOURCE, "cpu", null, MetricTargetType.UTILIZATION, null, 50)),
        Arguments.of(
            "memory Utilization ⇒ Resource memory",
            "memory",
            "Utilization",
            Map.of("value", "80"),
            new MetricSpec(
                SourceType.RESOURCE, "memory", null, MetricTargetType.UTILIZATION, null, 80)),
        Arguments.of(
            "cpu AverageValue 500m for container app ⇒ ContainerResource",
            "cpu",
            "AverageValue",
            Map.of("value", "500m", "containerName", "app"),
            new MetricSpec(
                SourceType.CONTAINER_RESOURCE,
                "cpu",
                "app",
                MetricTargetType.AVERAGE_VALUE,
                Quantity.ofMilli(500),
                null)),
        Arguments.of(
            "memory AverageValue 256Mi ⇒ bytes",
            "memory",
            "AverageValue",
            Map.of("value", "256Mi"),
            new MetricSpec(
                SourceType.RESOURCE,
                "memory",
                null,
                MetricTargetType.AVERAGE_VALUE,
                Quantity.of(268_435_456L),
                null)),
        Arguments.of(
            "memory AverageValue 1.5G",
            "memory",
            "AverageValue",
            Map.of("value", "1.5G"),
            new MetricSpec(
                SourceType.RESOURCE,
                "memory",
                null,
                MetricTargetType.AVERAGE_VALUE,
                Quantity.of(1_500_000_000L),
                null)),
        Arguments.of(
            "cpu AverageValue below a milli rounds up",
            "cpu",
            "AverageValue",
            Map.of("value", "1u"),
            new MetricSpec(
                SourceType.RESOURCE,
                "cpu",
                null,
                MetricTargetType.AVERAGE_VALUE,
                Quantity.ofMilli(1),
                null)),
        Arguments.of(
            "Utilization for a container",
            "memory",
            "Utilization",
            Map.of("value", "60", "containerName", "sidecar"),
            new MetricSpec(
                SourceType.CONTAINER_RESOURCE,
                "memory",
                "sidecar",
                MetricTargetType.UTILIZATION,
                null,
                60)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("specs")
  void metricSpec(
      String name, String type, String metricType, Map<String, String> md, MetricSpec expected)
      throws ConfigException {
    assertThat(build(type, metricType, md).metricSpecs()).containsExactly(expected);
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of(
            "metricType empty",
            "cpu",
            "",
            Map.of("value", "50"),
            "error parsing cpu metadata: unknown metric type: , allowed values are 'Utilization' or 'AverageValue'"),
        Arguments.of(
            "metricType Value",
            "memory",
            "Value",
            Map.of("value", "50"),
            "error parsing memory metadata: unknown metric type: Value, allowed values are 'Utilization' or 'AverageValue'"),
        Arguments.of(
            "deprecated type",
            "cpu",
            "Utilization",
            Map.of("type", "Utilization", "value", "50"),
            "error parsing cpu metadata: scaler cpu info: The 'type' setting is DEPRECATED and is removed in v2.18 - Use 'metricType' instead."),
        Arguments.of(
            "missing value",
            "cpu",
            "Utilization",
            Map.of(),
            "error parsing cpu metadata: missing required parameter \"value\" in [triggerMetadata]"),
        Arguments.of(
            "Utilization not an integer",
            "cpu",
            "Utilization",
            Map.of("value", "50.5"),
            "error parsing cpu metadata: strconv.ParseInt: parsing \"50.5\": invalid syntax"),
        Arguments.of(
            "Utilization beyond int32",
            "cpu",
            "Utilization",
            Map.of("value", "3000000000"),
            "error parsing cpu metadata: strconv.ParseInt: parsing \"3000000000\": value out of range"),
        Arguments.of(
            "AverageValue not a quantity",
            "memory",
            "AverageValue",
            Map.of("value", "lots"),
            "error parsing memory metadata: cannot parse 'lots': quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void rejected(
      String name, String type, String metricType, Map<String, String> md, String message) {
    assertThatThrownBy(() -> build(type, metricType, md))
        .isInstanceOf(ConfigException.class)
        .hasMessage(message);
  }

  static Stream<Arguments> triggers() {
    return Stream.of(
        Arguments.of("cpu", "cpu", Map.of("value", "50")),
        Arguments.of("memory", "memory", Map.of("value", "50", "containerName", "app")));
  }

  /** Resource metrics are read by the HPA: polling has neither a value nor an activity. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("triggers")
  void pollFailsAndNeverReportsActivity(String name, String type, Map<String, String> md)
      throws ConfigException {
    var poll = build(type, "Utilization", md).poll("s1-" + type).toCompletableFuture();

    assertThat(poll).isCompletedExceptionally();
    assertThat(poll.handle((r, e) -> e).join())
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining(type + " is a resource metric served to the HPA");
  }
}
