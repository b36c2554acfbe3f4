package dev.keda4j.scalers.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keda4j.scalers.config.ConfigException;
import dev.keda4j.scalers.spi.MetricSpec;
import dev.keda4j.scalers.spi.MetricTargetType;
import dev.keda4j.scalers.spi.Quantity;
import dev.keda4j.scalers.spi.ScalerContext;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PrometheusConfigTest {
  private static final PrometheusScalerProvider PROVIDER = new PrometheusScalerProvider();

  static Map<String, String> base(String... kv) {
    Map<String, String> m = new HashMap<>();
    m.put("serverAddress", "http://localhost:9090");
    m.put("query", "sum(up)");
    m.put("threshold", "100");
    for (int i = 0; i < kv.length; i += 2) {
      if (kv[i + 1] == null) {
        m.remove(kv[i]);
      } else {
        m.put(kv[i], kv[i + 1]);
      }
    }
    return m;
  }

  static PrometheusConfig bind(Map<String, String> md) throws ConfigException {
    return PROVIDER.bind(ScalerContext.builder("prometheus").metadata(md).build()).config();
  }

  @Test
  void defaults() throws ConfigException {
    PrometheusConfig c = bind(base());
    assertThat(c.threshold()).isEqualTo(100.0);
    assertThat(c.activationThreshold()).isZero();
    assertThat(c.ignoreNullValues()).isTrue();
    assertThat(c.unsafeSsl()).isFalse();
    assertThat(c.queryParameters()).isEmpty();
    assertThat(c.customHeaders()).isEmpty();
    assertThat(c.effectiveTimeout(Duration.ofMillis(3000))).isEqualTo(Duration.ofMillis(3000));
    assertThat(c.auth().enabled()).isEmpty();
  }

  @Test
  void allParameters() throws ConfigException {
    PrometheusConfig c =
        bind(
            base(
                "activationThreshold", "2.5",
                "queryParameters", "key-1=value-1,key-2=value-2",
                "customHeaders", "X-Client-Id=cid,X-Tenant-Id=tid",
                "namespace", "team",
                "ignoreNullValues", "false",
                "unsafeSsl", "true",
                "timeout", "1000"));
    assertThat(c.activationThreshold()).isEqualTo(2.5);
    assertThat(c.queryParameters())
        .containsExactly(Map.entry("key-1", "value-1"), Map.entry("key-2", "value-2"));
    assertThat(c.customHeaders()).containsEntry("X-Tenant-Id", "tid");
    assertThat(c.namespace()).isEqualTo("team");
    assertThat(c.ignoreNullValues()).isFalse();
    assertThat(c.unsafeSsl()).isTrue();
    assertThat(c.effectiveTimeout(Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(1));
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of(
            "no serverAddress",
            base("serverAddress", null),
            "missing required parameter \"serverAddress\" in [triggerMetadata]"),
        Arguments.of(
            "no query",
            base("query", null),
            "missing required parameter \"query\" in [triggerMetadata]"),
        Arguments.of(
            "no threshold",
            base("threshold", null),
            "missing required parameter \"threshold\" in [triggerMetadata]"),
        Arguments.of(
            "bad threshold",
            base("threshold", "a"),
            "unable to set param \"threshold\" value \"a\""),
        Arguments.of(
            "bad activation",
            base("activationThreshold", "x"),
            "unable to set param \"activationThreshold\" value \"x\""),
        Arguments.of(
            "bad ignoreNullValues",
            base("ignoreNullValues", "maybe"),
            "unable to set param \"ignoreNullValues\" value \"maybe\""),
        Arguments.of(
            "bad unsafeSsl",
            base("unsafeSsl", "yes"),
            "unable to set param \"unsafeSsl\" value \"yes\""),
        Arguments.of(
            "negative timeout",
            base("timeout", "-5"),
            "unable to set param \"timeout\" value \"-5\""),
        Arguments.of(
            "cortexOrgID deprecated",
            base("cortexOrgID", "org"),
            "scaler prometheus info: use customHeaders instead"),
        Arguments.of(
            "bad authMode",
            base("authModes", "kerberos"),
            "parameter \"authModes\" value \"kerberos\" must be one of"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void rejects(String name, Map<String, String> md, String message) {
    assertThatThrownBy(() -> bind(md))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("error parsing prometheus metadata: ")
        .hasMessageContaining(message);
  }

  @Test
  void bearerTokenFromAuthParamsIsRedacted() throws ConfigException {
    PrometheusConfig c =
        PROVIDER
            .bind(
                ScalerContext.builder("prometheus")
                    .metadata(base("authModes", "bearer"))
                    .authParams(Map.of("bearerToken", "s3cr3t"))
                    .build())
            .config();
    assertThat(c.auth().bearerToken()).isEqualTo("s3cr3t");
    assertThat(c.toString()).doesNotContain("s3cr3t");
  }

  @ParameterizedTest(name = "trigger {0}")
  @org.junit.jupiter.params.provider.CsvSource({"0, s0-prometheus", "1, s1-prometheus"})
  void metricName(int index, String want) throws ConfigException {
    ScalerContext ctx =
        ScalerContext.builder("prometheus").triggerIndex(index).metadata(base()).build();
    PrometheusScaler s =
        new PrometheusScaler(ctx, bind(base()), null, null, java.time.Clock.systemUTC());
    MetricSpec spec = s.metricSpecs().get(0);
    assertThat(spec.metricName()).isEqualTo(want);
    assertThat(spec.targetType()).isEqualTo(MetricTargetType.AVERAGE_VALUE);
    assertThat(spec.target()).isEqualTo(Quantity.of(100));
  }
}
