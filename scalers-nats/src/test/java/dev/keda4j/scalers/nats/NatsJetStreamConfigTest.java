package dev.keda4j.scalers.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keda4j.scalers.config.ConfigError;
import dev.keda4j.scalers.config.ConfigException;
import dev.keda4j.scalers.spi.MetricSpec;
import dev.keda4j.scalers.spi.MetricTargetType;
import dev.keda4j.scalers.spi.Quantity;
import dev.keda4j.scalers.spi.ScalerContext;
import dev.keda4j.scalers.spi.ScalerRuntime;
import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NatsJetStreamConfigTest {
  private static final NatsJetStreamScalerProvider PROVIDER = new NatsJetStreamScalerProvider();

  static Map<String, String> base(String... kv) {
    Map<String, String> m = new HashMap<>();
    m.put("natsServerMonitoringEndpoint", "nats.nats.svc.cluster.local:8222");
    m.put("account", "$G");
    m.put("stream", "mystream");
    m.put("consumer", "pull_consumer");
    for (int i = 0; i < kv.length; i += 2) {
      if (kv[i + 1] == null) {
        m.remove(kv[i]);
      } else {
        m.put(kv[i], kv[i + 1]);
      }
    }
    return m;
  }

  static ScalerContext ctx(Map<String, String> md, Map<String, String> auth, int index) {
    return ScalerContext.builder("nats-jetstream")
        .metadata(md)
        .authParams(auth)
        .triggerIndex(index)
        .build();
  }

  static NatsJetStreamConfig bind(Map<String, String> md, Map<String, String> auth)
      throws ConfigException {
    return PROVIDER.bind(ctx(md, auth, 0)).config();
  }

  @Test
  void defaults() throws ConfigException {
    NatsJetStreamConfig c = bind(base(), Map.of());
    assertThat(c.lagThreshold()).isEqualTo(10);
    assertThat(c.activationLagThreshold()).isZero();
    assertThat(c.useHttps()).isFalse();
    assertThat(c.effectiveAccountId()).isEqualTo("$G");
    assertThat(c.monitoringUrl())
        .isEqualTo(
            "http://nats.nats.svc.cluster.local:8222/jsz?acc=%24G&config=true&consumers=true");
  }

  static Stream<Arguments> valid() {
    return Stream.of(
        Arguments.of(
            "accountID only is the acc id",
            base("account", null, "accountID", "ACCID"),
            Map.of(),
            "ACCID",
            "http://nats.nats.svc.cluster.local:8222/jsz?acc=ACCID&config=true&consumers=true"),
        Arguments.of(
            "accountID wins over account for acc",
            base("accountID", "ACCID"),
            Map.of(),
            "ACCID",
            "http://nats.nats.svc.cluster.local:8222/jsz?acc=ACCID&config=true&consumers=true"),
        Arguments.of(
            "useHttps true",
            base("useHttps", "true"),
            Map.of(),
            "$G",
            "https://nats.nats.svc.cluster.local:8222/jsz?acc=%24G&config=true&consumers=true"),
        Arguments.of(
            "authParams before triggerMetadata",
            base(),
            Map.of("natsServerMonitoringEndpoint", "auth-nats:8222", "account", "authacc"),
            "authacc",
            "http://auth-nats:8222/jsz?acc=authacc&config=true&consumers=true"),
        Arguments.of(
            "endpoint from authParams only",
            base("natsServerMonitoringEndpoint", null),
            Map.of("natsServerMonitoringEndpoint", "auth-nats:8222"),
            "$G",
            "http://auth-nats:8222/jsz?acc=%24G&config=true&consumers=true"),
        Arguments.of(
            "account escaped like Go QueryEscape",
            base("account", "team a&b"),
            Map.of(),
            "team a&b",
            "http://nats.nats.svc.cluster.local:8222/jsz?acc=team+a%26b&config=true&consumers=true"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valid")
  void validConfigs(
      String name, Map<String, String> md, Map<String, String> auth, String accId, String url)
      throws ConfigException {
    NatsJetStreamConfig c = bind(md, auth);
    assertThat(c.effectiveAccountId()).isEqualTo(accId);
    assertThat(c.monitoringUrl()).isEqualTo(url);
  }

  @Test
  void thresholds() throws ConfigException {
    NatsJetStreamConfig c = bind(base("lagThreshold", "25", "activationLagThreshold", "3"), null);
    assertThat(c.lagThreshold()).isEqualTo(25);
    assertThat(c.activationLagThreshold()).isEqualTo(3);
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of(
            "no monitoring endpoint",
            base("natsServerMonitoringEndpoint", null),
            "missing required parameter \"natsServerMonitoringEndpoint\" in [authParams"
                + " triggerMetadata]"),
        Arguments.of(
            "no account nor accountID", base("account", null), NatsJetStreamConfig.NO_ACCOUNT),
        Arguments.of("blank account", base("account", "  "), NatsJetStreamConfig.NO_ACCOUNT),
        Arguments.of(
            "no stream",
            base("stream", null),
            "missing required parameter \"stream\" in [triggerMetadata]"),
        Arguments.of(
            "no consumer",
            base("consumer", null),
            "missing required parameter \"consumer\" in [triggerMetadata]"),
        Arguments.of(
            "lagThreshold not a number",
            base("lagThreshold", "AA"),
            "unable to set param \"lagThreshold\" value \"AA\""),
        Arguments.of(
            "lagThreshold a float",
            base("lagThreshold", "5.0"),
            "unable to set param \"lagThreshold\" value \"5.0\""),
        Arguments.of(
            "activationLagThreshold not a number",
            base("activationLagThreshold", "x"),
            "unable to set param \"activationLagThreshold\" value \"x\""),
        Arguments.of(
            "useHttps not a bool",
            base("useHttps", "yes"),
            "unable to set param \"useHttps\" value \"yes\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void invalidConfigs(String name, Map<String, String> md, String reason) {
    assertThatThrownBy(() -> bind(md, Map.of()))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.getMessage()).startsWith("error parsing nats-jetstream metadata: ");
              assertThat(e.errors()).extracting(ConfigError::reason).hasSize(1);
              assertThat(e.errors().get(0).reason()).startsWith(reason);
            });
  }

  static Stream<Arguments> metricNames() {
    return Stream.of(
        Arguments.of("index 0", "mystream", 0, "s0-nats-jetstream-mystream"),
        Arguments.of("index 1", "mystream", 1, "s1-nats-jetstream-mystream"),
        Arguments.of("normalised", "orders.v1:eu", 2, "s2-nats-jetstream-orders-v1-eu"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("metricNames")
  void metricSpec(String name, String stream, int index, String expected) throws Exception {
    ScalerContext ctx = ctx(base("stream", stream, "lagThreshold", "7"), Map.of(), index);
    NatsJetStreamConfig c = PROVIDER.bind(ctx).config();
    ExecutorService pool = Executors.newSingleThreadExecutor();
    Vertx vertx = Vertx.vertx();
    try (ScalerRuntime runtime = new ScalerRuntime(vertx, pool);
        var scaler = PROVIDER.create(ctx, c, runtime)) {
      List<MetricSpec> specs = scaler.metricSpecs();
      assertThat(specs).hasSize(1);
      assertThat(specs.get(0).metricName()).isEqualTo(expected);
      assertThat(specs.get(0).sourceType()).isEqualTo(MetricSpec.SourceType.EXTERNAL);
      assertThat(specs.get(0).targetType()).isEqualTo(MetricTargetType.AVERAGE_VALUE);
      assertThat(specs.get(0).target()).isEqualTo(Quantity.of(7));
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get();
      pool.shutdown();
    }
  }

  @Test
  void metricTypeValueIsPassedToTheSpec() throws Exception {
    ScalerContext ctx =
        ScalerContext.builder("nats-jetstream").metadata(base()).metricType("Value").build();
    NatsJetStreamConfig c = PROVIDER.bind(ctx).config();
    ExecutorService pool = Executors.newSingleThreadExecutor();
    Vertx vertx = Vertx.vertx();
    try (ScalerRuntime runtime = new ScalerRuntime(vertx, pool);
        var scaler = PROVIDER.create(ctx, c, runtime)) {
      MetricSpec spec = scaler.metricSpecs().get(0);
      assertThat(spec.targetType()).isEqualTo(MetricTargetType.VALUE);
      assertThat(spec.target()).isEqualTo(Quantity.of(10));
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get();
      pool.shutdown();
    }
  }
}
