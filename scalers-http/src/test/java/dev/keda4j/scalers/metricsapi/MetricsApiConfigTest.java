package dev.keda4j.scalers.metricsapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keda4j.scalers.config.ConfigException;
import dev.keda4j.scalers.spi.MetricSpec;
import dev.keda4j.scalers.spi.Quantity;
import dev.keda4j.scalers.spi.ScalerContext;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class MetricsApiConfigTest {
  private static final MetricsApiScalerProvider PROVIDER = new MetricsApiScalerProvider();

  static Map<String, String> base(String... kv) {
    Map<String, String> m = new HashMap<>();
    m.put("url", "http://dummy:1230/api/v1/");
    m.put("valueLocation", "metric");
    m.put("targetValue", "42");
    for (int i = 0; i < kv.length; i += 2) {
      if (kv[i + 1] == null) {
        m.remove(kv[i]);
      } else {
        m.put(kv[i], kv[i + 1]);
      }
    }
    return m;
  }

  static MetricsApiConfig bind(Map<String, String> md, Map<String, String> auth, boolean source)
      throws ConfigException {
    return PROVIDER
        .bind(
            ScalerContext.builder("metrics-api")
                .metadata(md)
                .authParams(auth)
                .asMetricSource(source)
                .build())
        .config();
  }

  @Test
  void defaults() throws ConfigException {
    MetricsApiConfig c = bind(base(), Map.of(), false);
    assertThat(c.responseFormat()).isEqualTo(ResponseFormat.JSON);
    assertThat(c.targetValue()).isEqualTo(42.0);
    assertThat(c.activationTargetValue()).isZero();
    assertThat(c.unsafeSsl()).isFalse();
    assertThat(c.aggregationType()).isEqualTo("average");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"json, JSON", "yaml, YAML", "xml, XML", "prometheus, PROMETHEUS"})
  void formats(String format, ResponseFormat want) throws ConfigException {
    assertThat(bind(base("format", format), Map.of(), false).responseFormat()).isEqualTo(want);
  }

  @Test
  void targetValueOptionalForScalingModifiers() throws ConfigException {
    assertThat(bind(base("targetValue", null), Map.of(), true).targetValue()).isZero();
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of(
            "no url",
            base("url", null),
            Map.of(),
            "missing required parameter \"url\" in [triggerMetadata]"),
        Arguments.of(
            "no valueLocation",
            base("valueLocation", null),
            Map.of(),
            "missing required parameter \"valueLocation\" in [triggerMetadata]"),
        Arguments.of(
            "no targetValue",
            base("targetValue", null),
            Map.of(),
            "no targetValue given in metadata"),
        Arguments.of(
            "bad targetValue",
            base("targetValue", "aa"),
            Map.of(),
            "unable to set param \"targetValue\" value \"aa\""),
        Arguments.of(
            "bad activation",
            base("activationTargetValue", "aa"),
            Map.of(),
            "unable to set param \"activationTargetValue\" value \"aa\""),
        Arguments.of(
            "bad format",
            base("format", "csv"),
            Map.of(),
            "parameter \"format\" value \"csv\" must be one of [json prometheus xml yaml]"),
        Arguments.of(
            "bad aggregation",
            base("aggregationType", "median"),
            Map.of(),
            "parameter \"aggregationType\" value \"median\" must be one of [average sum max min]"),
        Arguments.of(
            "apiKey without key",
            base("authMode", "apiKey"),
            Map.of(),
            "apiKey is required when apiKey auth is enabled"),
        Arguments.of(
            "basic without username",
            base("authMode", "basic"),
            Map.of("password", "p"),
            "username is required when basic auth is enabled"),
        Arguments.of(
            "tls without key",
            base("authMode", "tls"),
            Map.of("cert", "c"),
            "cert and key are required when tls auth is enabled"),
        Arguments.of(
            "oauth not supported yet",
            base("authModes", "oauth"),
            Map.of("oauthTokenURI", "http://t", "clientID", "c"),
            "oauth auth mode is not supported yet by keda4j"),
        Arguments.of(
            "service aggregation not supported yet",
            base("aggregateFromKubeServiceEndpoints", "true"),
            Map.of(),
            "aggregateFromKubeServiceEndpoints is not supported yet by keda4j"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void rejects(String name, Map<String, String> md, Map<String, String> auth, String message) {
    assertThatThrownBy(() -> bind(md, auth, false))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("error parsing metrics-api metadata: ")
        .hasMessageContaining(message);
  }

  @ParameterizedTest(name = "trigger {0}: {1}")
  @CsvSource({
    "0, metric, s0-metric-api-metric",
    "1, components.0.tasks, s1-metric-api-components-0-tasks"
  })
  void metricName(int index, String location, String want) throws ConfigException {
    Map<String, String> md = base("valueLocation", location);
    ScalerContext ctx =
        ScalerContext.builder("metrics-api").triggerIndex(index).metadata(md).build();
    MetricSpec spec =
        new MetricsApiScaler(ctx, bind(md, Map.of(), false), null, null).metricSpecs().get(0);
    assertThat(spec.metricName()).isEqualTo(want);
    assertThat(spec.target()).isEqualTo(Quantity.of(42));
  }
}
