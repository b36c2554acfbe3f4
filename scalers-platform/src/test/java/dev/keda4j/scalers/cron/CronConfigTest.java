package dev.keda4j.scalers.cron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keda4j.scalers.config.ConfigException;
import dev.keda4j.scalers.spi.MetricSpec;
import dev.keda4j.scalers.spi.MetricTargetType;
import dev.keda4j.scalers.spi.Quantity;
import dev.keda4j.scalers.spi.Scaler;
import dev.keda4j.scalers.spi.ScalerContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Parameter cases of scalers.md §3.10 and "Test cases worth having" 19. */
class CronConfigTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-05T12:00:00Z"), ZoneOffset.UTC);

  private static Map<String, String> md(String tz, String start, String end, String replicas) {
    Map<String, String> m = new HashMap<>();
    m.put("timezone", tz);
    m.put("start", start);
    m.put("end", end);
    if (replicas != null) {
      m.put("desiredReplicas", replicas);
    }
    return m;
  }

  private static Scaler build(int index, Map<String, String> metadata, String metricType)
      throws ConfigException {
    CronScalerProvider provider = new CronScalerProvider(CLOCK);
    ScalerContext ctx =
        ScalerContext.builder("cron")
            .triggerIndex(index)
            .metadata(metadata)
            .metricType(metricType)
            .build();
    return provider.create(ctx, provider.bind(ctx).config(), null);
  }

  static Stream<Arguments> names() {
    return Stream.of(
        Arguments.of(
            "Thursday, index 0",
            0,
            "0 0 * * Thu",
            "59 23 * * Thu",
            "s0-cron-Etc-UTC-00xxThu-5923xxThu"),
        Arguments.of(
            "steps and ranges, index 1",
            1,
            "0 */2 * * *",
            "0 1-23/2 * * *",
            "s1-cron-Etc-UTC-0xSl2xxx-01-23Sl2xxx"),
        Arguments.of(
            "lists, index 2",
            2,
            "0,30 * * * *",
            "15,45 * * * *",
            "s2-cron-Etc-UTC-0Cm30xxxx-15Cm45xxxx"),
        Arguments.of(
            "question marks",
            0,
            "0 9 ? * Mon",
            "0 17 ? * Mon",
            "s0-cron-Etc-UTC-09QmxMon-017QmxMon"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  void metricNameAndTargetOne(String name, int index, String start, String end, String expected)
      throws ConfigException {
    Scaler scaler = build(index, md("Etc/UTC", start, end, "4"), "");

    assertThat(scaler.metricSpecs())
        .containsExactly(
            new MetricSpec(
                MetricSpec.SourceType.EXTERNAL,
                expected,
                null,
                MetricTargetType.AVERAGE_VALUE,
                Quantity.of(1),
                null));
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of(
            "start == end",
            md("Etc/UTC", "0 9 * * *", "0 9 * * *", "2"),
            "error parsing cron metadata: start and end can not have exactly same time input"),
        Arguments.of(
            "missing desiredReplicas",
            md("Etc/UTC", "0 9 * * *", "0 17 * * *", null),
            "error parsing cron metadata: missing required parameter \"desiredReplicas\" in [triggerMetadata]"),
        Arguments.of(
            "desiredReplicas 0",
            md("Etc/UTC", "0 9 * * *", "0 17 * * *", "0"),
            "error parsing cron metadata: no desiredReplicas specified"),
        Arguments.of(
            "desiredReplicas not an int",
            md("Etc/UTC", "0 9 * * *", "0 17 * * *", "2.5"),
            "error parsing cron metadata: unable to set param \"desiredReplicas\" value \"2.5\": json: cannot unmarshal number 2.5 into Go value of type int64"),
        Arguments.of(
            "missing timezone",
            md(" ", "0 9 * * *", "0 17 * * *", "2"),
            "error parsing cron metadata: missing required parameter \"timezone\" in [triggerMetadata]"),
        Arguments.of(
            "bad start",
            md("Etc/UTC", "0 25 * * *", "0 17 * * *", "2"),
            "error parsing cron metadata: error parsing start schedule: end of range (25) above maximum (23): 25"),
        Arguments.of(
            "bad end",
            md("Etc/UTC", "0 9 * * *", "0 17 * *", "2"),
            "error parsing cron metadata: error parsing end schedule: expected exactly 5 fields, found 4: [0 17 * *]"),
        Arguments.of(
            "seconds are not allowed",
            md("Etc/UTC", "0 0 9 * * *", "0 0 17 * * *", "2"),
            "error parsing cron metadata: error parsing start schedule: expected exactly 5 fields, found 6: [0 0 9 * * *]"),
        Arguments.of(
            "descriptors are not allowed",
            md("Etc/UTC", "@hourly", "0 17 * * *", "2"),
            "error parsing cron metadata: error parsing start schedule: parser does not accept descriptors: @hourly"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void rejected(String name, Map<String, String> metadata, String message) {
    assertThatThrownBy(() -> build(0, metadata, ""))
        .isInstanceOf(ConfigException.class)
        .hasMessage(message);
  }

  static Stream<Arguments> metricTypes() {
    return Stream.of(
        Arguments.of("empty ⇒ AverageValue", "", MetricTargetType.AVERAGE_VALUE),
        Arguments.of("Value", "Value", MetricTargetType.VALUE),
        Arguments.of("AverageValue", "AverageValue", MetricTargetType.AVERAGE_VALUE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("metricTypes")
  void metricTypeSetsTheTargetType(String name, String metricType, MetricTargetType expected)
      throws ConfigException {
    Scaler scaler = build(0, md("Etc/UTC", "0 9 * * *", "0 17 * * *", "2"), metricType);

    assertThat(scaler.metricSpecs())
        .singleElement()
        .extracting(MetricSpec::targetType)
        .isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void utilizationIsRejected() {
    assertThatThrownBy(() -> build(0, md("Etc/UTC", "0 9 * * *", "0 17 * * *", "2"), "Utilization"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'Utilization' metric type is unsupported for external metrics");
  }
}
