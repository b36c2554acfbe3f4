package dev.keda4j.scalers.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.keda4j.scalers.config.ConfigError;
import dev.keda4j.scalers.config.ConfigException;
import dev.keda4j.scalers.spi.MetricSpec;
import dev.keda4j.scalers.spi.MetricTargetType;
import dev.keda4j.scalers.spi.ScalerContext;
import io.vertx.redis.client.RedisClientType;
import io.vertx.redis.client.RedisOptions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Parameter cases of scalers.md §3.1–3.2 and "Test cases worth having" 1–4. */
class RedisConfigTest {
  private static final Map<String, String> ENV =
      Map.of(
          "REDIS_HOST",
          "localhost:6379",
          "REDIS_PASSWORD",
          "s3cr3t-pw",
          "REDIS_PORT",
          "6379",
          "REDIS_HOSTNAME",
          "localhost");

  private static ScalerContext ctx(
      String type, int index, Map<String, String> md, Map<String, String> auth) {
    return ScalerContext.builder(type)
        .triggerIndex(index)
        .metadata(md)
        .resolvedEnv(ENV)
        .authParams(auth)
        .build();
  }

  private static RedisListConfig list(Map<String, String> md, Map<String, String> auth)
      throws ConfigException {
    return new RedisScalerProvider().bind(ctx("redis", 0, md, auth)).config();
  }

  private static RedisStreamsConfig streams(Map<String, String> md) throws ConfigException {
    return new RedisStreamsScalerProvider().bind(ctx("redis-streams", 0, md, Map.of())).config();
  }

  static Stream<Arguments> validList() {
    return Stream.of(
        Arguments.of(
            "addressFromEnv (case 1)",
            Map.of("listName", "mylist", "listLength", "10", "addressFromEnv", "REDIS_HOST"),
            Map.of(),
            List.of("localhost:6379"),
            10L),
        Arguments.of(
            "host/port in authParams (case 2)",
            Map.of("listName", "mylist"),
            Map.of("host", "localhost", "port", "6379"),
            List.of("localhost:6379"),
            5L),
        Arguments.of(
            "hostFromEnv + portFromEnv",
            Map.of(
                "listName", "mylist", "hostFromEnv", "REDIS_HOSTNAME", "portFromEnv", "REDIS_PORT"),
            Map.of(),
            List.of("localhost:6379"),
            5L),
        Arguments.of(
            "addresses alias + hosts/ports lists",
            Map.of("listName", "l", "addresses", "a:1, b:2", "hosts", "c,d", "ports", "3,4"),
            Map.of(),
            List.of("a:1", "b:2", "c:3", "d:4"),
            5L),
        Arguments.of(
            "address in authParams",
            Map.of("listName", "l"),
            Map.of("address", "auth:6379"),
            List.of("auth:6379"),
            5L),
        Arguments.of(
            "ipv6 host",
            Map.of("listName", "l", "host", "::1", "port", "6379"),
            Map.of(),
            List.of("[::1]:6379"),
            5L));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validList")
  void validListConfigs(
      String name,
      Map<String, String> md,
      Map<String, String> auth,
      List<String> endpoints,
      long target)
      throws Exception {
    RedisListConfig c = list(md, auth);
    assertThat(c.connection().endpoints()).isEqualTo(endpoints);
    assertThat(c.listLength()).isEqualTo(target);
  }

  static Stream<Arguments> invalidList() {
    return Stream.of(
        Arguments.of(
            "host without port (case 2)",
            Map.of(
                "listName",
                "mylist",
                "hostFromEnv",
                "REDIS_HOST",
                "passwordFromEnv",
                "REDIS_PASSWORD"),
            Map.of(),
            "not enough hosts or ports given. number of hosts should be equal to the number of"
                + " ports"),
        Arguments.of(
            "no address at all",
            Map.of("listName", "mylist"),
            Map.of(),
            "no addresses or hosts given. address should be a comma separated list of host:port"
                + " or set the host/port values"),
        Arguments.of(
            "listLength AA (case 2)",
            Map.of("listName", "mylist", "listLength", "AA", "address", "a:1"),
            Map.of(),
            "unable to set param \"listLength\" value \"AA\": invalid character 'A' looking for"
                + " beginning of value"),
        Arguments.of(
            "missing listName",
            Map.of("address", "a:1"),
            Map.of(),
            "missing required parameter \"listName\" in [triggerMetadata]"),
        Arguments.of(
            "tls in both places",
            Map.of("listName", "l", "address", "a:1", "enableTLS", "true"),
            Map.of("tls", "enable"),
            "unable to set `tls` in both ScaledObject and TriggerAuthentication together"),
        Arguments.of(
            "bad tls value",
            Map.of("listName", "l", "address", "a:1"),
            Map.of("tls", "yes"),
            "error incorrect TLS value given, got yes"),
        Arguments.of(
            "bad enableTLS",
            Map.of("listName", "l", "address", "a:1", "enableTLS", "yes"),
            Map.of(),
            "unable to set param \"enableTLS\" value \"yes\": strconv.ParseBool: parsing"
                + " \"yes\": invalid syntax"),
        Arguments.of(
            "databaseIndex not int",
            Map.of("listName", "l", "address", "a:1", "databaseIndex", "1.0"),
            Map.of(),
            "unable to set param \"databaseIndex\" value \"1.0\": json: cannot unmarshal number"
                + " 1.0 into Go value of type int"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidList")
  void invalidListConfigs(
      String name, Map<String, String> md, Map<String, String> auth, String reason) {
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> list(md, auth));
    assertThat(e.errors()).extracting(ConfigError::reason).contains(reason);
    assertThat(e.getMessage())
        .startsWith("error parsing redis metadata: ")
        .doesNotContain("s3cr3t");
  }

  @Test
  void tlsSettings() throws Exception {
    RedisListConfig c =
        list(
            Map.of("listName", "l", "address", "a:1", "unsafeSsl", "true"),
            Map.of("tls", "enable", "Cert", "CERT", "key", "s3cr3t-key", "ca", "CA"));
    var tls = c.connection().tls().toTlsConfig();
    assertThat(tls.enabled()).isTrue();
    assertThat(tls.unsafeSsl()).isTrue();
    assertThat(tls.cert()).isEqualTo("CERT");
    assertThat(tls.hasClientCert()).isTrue();
    assertThat(c.toString()).doesNotContain("s3cr3t");
    assertThat(tls.toString()).doesNotContain("s3cr3t");
    assertThat(
            list(Map.of("listName", "l", "address", "a:1", "enableTLS", "true"), Map.of())
                .connection()
                .tls()
                .toTlsConfig()
                .enabled())
        .isTrue();
    assertThat(
            list(Map.of("listName", "l", "address", "a:1"), Map.of("tls", "disable"))
                .connection()
                .tls()
                .toTlsConfig()
                .enabled())
        .isFalse();
  }

  @Test
  void passwordsNeverPrinted() throws Exception {
    RedisListConfig c =
        list(
            Map.of("listName", "l", "address", "a:1", "passwordFromEnv", "REDIS_PASSWORD"),
            Map.of("sentinelPassword", "s3cr3t-sentinel"));
    assertThat(c.connection().password()).isEqualTo("s3cr3t-pw");
    assertThat(c.toString()).doesNotContain("s3cr3t").contains("<redacted>");
    assertThat(RedisClientPool.Key.of(RedisMode.SENTINEL, c.connection()).toString())
        .doesNotContain("s3cr3t");
  }

  @ParameterizedTest(name = "trigger {0}")
  @org.junit.jupiter.params.provider.CsvSource({"0, s0-redis-mylist", "1, s1-redis-mylist"})
  void listMetricNames(int index, String expected) throws Exception {
    ScalerContext ctx =
        ctx("redis", index, Map.of("listName", "mylist", "address", "a:1"), Map.of());
    RedisListConfig c = new RedisScalerProvider().bind(ctx).config();
    List<MetricSpec> specs = new RedisListScaler(ctx, c, null).metricSpecs();
    assertThat(specs)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.metricName()).isEqualTo(expected);
              assertThat(s.targetType()).isEqualTo(MetricTargetType.AVERAGE_VALUE);
              assertThat(s.target().toString()).isEqualTo("5");
            });
  }

  static Stream<Arguments> streamModes() {
    return Stream.of(
        Arguments.of(
            "XPENDING (case 4)",
            Map.of("stream", "my-stream", "consumerGroup", "g"),
            RedisStreamsConfig.Mode.PENDING_ENTRIES,
            5L),
        Arguments.of(
            "XLEN (case 4)",
            Map.of("stream", "my-stream"),
            RedisStreamsConfig.Mode.STREAM_LENGTH,
            5L),
        Arguments.of(
            "lag (case 4)",
            Map.of("stream", "my-stream", "consumerGroup", "g", "lagCount", "10"),
            RedisStreamsConfig.Mode.LAG,
            10L),
        Arguments.of(
            "pendingEntriesCount",
            Map.of("stream", "s", "consumerGroup", "g", "pendingEntriesCount", "7"),
            RedisStreamsConfig.Mode.PENDING_ENTRIES,
            7L),
        Arguments.of(
            "streamLength",
            Map.of("stream", "s", "streamLength", "8"),
            RedisStreamsConfig.Mode.STREAM_LENGTH,
            8L),
        Arguments.of(
            "lagCount without group is XLEN",
            Map.of("stream", "s", "lagCount", "3"),
            RedisStreamsConfig.Mode.STREAM_LENGTH,
            5L));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("streamModes")
  void streamsModes(String name, Map<String, String> md, RedisStreamsConfig.Mode mode, long target)
      throws Exception {
    java.util.Map<String, String> withAddress = new java.util.HashMap<>(md);
    withAddress.put("address", "a:1");
    RedisStreamsConfig c = streams(withAddress);
    assertThat(c.mode()).isEqualTo(mode);
    assertThat(c.target()).isEqualTo(target);
  }

  @Test
  void streamsMetricNameAndMissingStream() throws Exception {
    ScalerContext ctx =
        ctx("redis-streams", 0, Map.of("stream", "my-stream", "address", "a:1"), Map.of());
    RedisStreamsConfig c = new RedisStreamsScalerProvider().bind(ctx).config();
    assertThat(new RedisStreamsScaler(ctx, c, null).metricSpecs().get(0).metricName())
        .isEqualTo("s0-redis-streams-my-stream");
    ConfigException e =
        catchThrowableOfType(ConfigException.class, () -> streams(Map.of("address", "a:1")));
    assertThat(e.errors())
        .extracting(ConfigError::reason)
        .containsExactly("missing redis stream name");
    ConfigException e2 =
        catchThrowableOfType(
            ConfigException.class,
            () -> streams(Map.of("stream", "s", "address", "a:1", "lagCount", "x")));
    assertThat(e2.getMessage()).startsWith("error parsing redis-streams metadata: ");
  }

  @Test
  void metricTypeValueIsHonoured() throws Exception {
    ScalerContext ctx =
        ScalerContext.builder("redis")
            .metadata(Map.of("listName", "l", "address", "a:1", "listLength", "1500"))
            .metricType("Value")
            .build();
    RedisListConfig c = new RedisScalerProvider().bind(ctx).config();
    MetricSpec s = new RedisListScaler(ctx, c, null).metricSpecs().get(0);
    assertThat(s.targetType()).isEqualTo(MetricTargetType.VALUE);
    assertThat(s.target().toString()).isEqualTo("1500");
  }

  @Test
  void unknownMetadataKeysAreWarnings() throws Exception {
    var bound =
        new RedisScalerProvider()
            .bind(
                ctx(
                    "redis",
                    0,
                    Map.of("listName", "l", "address", "a:1", "lisName", "x"),
                    Map.of()));
    assertThat(bound.warnings())
        .extracting(w -> w.message())
        .containsExactly("Unmatched input property lisName in scaler redis");
  }

  @Test
  void clientOptionsPerMode() throws Exception {
    RedisListConfig c =
        list(
            Map.of(
                "listName",
                "l",
                "addresses",
                "a:1,b:2",
                "databaseIndex",
                "3",
                "sentinelMaster",
                "m"),
            Map.of());
    RedisClientPool pool = new RedisClientPool(null);
    RedisOptions standalone =
        pool.options(RedisClientPool.Key.of(RedisMode.STANDALONE, c.connection()));
    assertThat(standalone.getType()).isEqualTo(RedisClientType.STANDALONE);
    assertThat(standalone.getEndpoints()).containsExactly("redis://a:1/3");
    RedisOptions cluster = pool.options(RedisClientPool.Key.of(RedisMode.CLUSTER, c.connection()));
    assertThat(cluster.getEndpoints()).containsExactly("redis://a:1", "redis://b:2");
    RedisOptions sentinel =
        pool.options(RedisClientPool.Key.of(RedisMode.SENTINEL, c.connection()));
    assertThat(sentinel.getMasterName()).isEqualTo("m");
    assertThat(sentinel.getEndpoints()).containsExactly("redis://a:1/3", "redis://b:2/3");
  }

  @Test
  void lagNeedsRedis7() {
    RedisStreamsScaler.requireLagSupport("# Server\nredis_version:7.0.15\n");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> RedisStreamsScaler.requireLagSupport("redis_version:6.2.1\n"))
        .hasMessage("redis version 7+ required for lag");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> RedisStreamsScaler.requireLagSupport("# Server\n"))
        .hasMessage("could not find Redis version");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @org.junit.jupiter.params.provider.CsvSource({
    "redis, STANDALONE",
    "redis-streams, STANDALONE",
    "redis-cluster, CLUSTER",
    "redis-cluster-streams, CLUSTER",
    "redis-sentinel, SENTINEL",
    "redis-sentinel-streams, SENTINEL"
  })
  void modeByTriggerType(String type, RedisMode mode) {
    assertThat(RedisMode.forTriggerType(type)).isEqualTo(mode);
  }
}
