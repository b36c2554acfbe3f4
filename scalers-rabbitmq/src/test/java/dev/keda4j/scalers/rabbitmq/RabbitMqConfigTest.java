package dev.keda4j.scalers.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.keda4j.scalers.config.ConfigError;
import dev.keda4j.scalers.config.ConfigException;
import dev.keda4j.scalers.spi.MetricSpec;
import dev.keda4j.scalers.spi.MetricTargetType;
import dev.keda4j.scalers.spi.ScalerContext;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Parameter cases of scalers.md §3.6 and "Test cases worth having" 13. */
class RabbitMqConfigTest {
  private static final String AMQP = "amqp://guest:s3cr3t-pw@somehost.com:5672/vhost";
  private static final String HTTP = "http://guest:s3cr3t-pw@somehost.com:15672/vhost";
  private static final Map<String, String> ENV = Map.of("RABBIT_HOST", HTTP, "PW", "s3cr3t-env");

  private static ScalerContext ctx(int index, Map<String, String> md, Map<String, String> auth) {
    return ScalerContext.builder("rabbitmq")
        .scalableObject("ScaledObject", "ns", "app")
        .triggerIndex(index)
        .metadata(md)
        .resolvedEnv(ENV)
        .authParams(auth)
        .build();
  }

  private static RabbitMqConfig bind(Map<String, String> md, Map<String, String> auth)
      throws ConfigException {
    return new RabbitMqScalerProvider().bind(ctx(0, md, auth)).config();
  }

  private static Map<String, String> md(String host, String... kv) {
    Map<String, String> m = new HashMap<>();
    m.put("queueName", "sample");
    if (host != null) {
      m.put("host", host);
    }
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  static Stream<Arguments> valid() {
    return Stream.of(
        Arguments.of(
            "nothing given: QueueLength 20 (case 13)",
            md(AMQP),
            Map.of(),
            RabbitMqProtocol.AMQP,
            RabbitMqMode.QUEUE_LENGTH,
            20.0),
        Arguments.of(
            "mode + value",
            md(AMQP, "mode", "QueueLength", "value", "7"),
            Map.of(),
            RabbitMqProtocol.AMQP,
            RabbitMqMode.QUEUE_LENGTH,
            7.0),
        Arguments.of(
            "deprecated queueLength",
            md(AMQP, "queueLength", "12"),
            Map.of(),
            RabbitMqProtocol.AMQP,
            RabbitMqMode.QUEUE_LENGTH,
            12.0),
        Arguments.of(
            "MessageRate over http",
            md(HTTP, "mode", "MessageRate", "value", "1.5"),
            Map.of(),
            RabbitMqProtocol.HTTP,
            RabbitMqMode.MESSAGE_RATE,
            1.5),
        Arguments.of(
            "https is http",
            md("https://h/v", "mode", "DeliverGetRate", "value", "3"),
            Map.of(),
            RabbitMqProtocol.HTTP,
            RabbitMqMode.DELIVER_GET_RATE,
            3.0),
        Arguments.of(
            "amqps is amqp",
            md("amqps://h:5671/v"),
            Map.of(),
            RabbitMqProtocol.AMQP,
            RabbitMqMode.QUEUE_LENGTH,
            20.0),
        Arguments.of(
            "explicit protocol beats scheme",
            md(HTTP, "protocol", "amqp"),
            Map.of(),
            RabbitMqProtocol.AMQP,
            RabbitMqMode.QUEUE_LENGTH,
            20.0),
        Arguments.of(
            "protocol from authParams",
            md("h:5672"),
            Map.of("protocol", "http"),
            RabbitMqProtocol.HTTP,
            RabbitMqMode.QUEUE_LENGTH,
            20.0),
        Arguments.of(
            "host from authParams",
            md(null),
            Map.of("host", HTTP),
            RabbitMqProtocol.HTTP,
            RabbitMqMode.QUEUE_LENGTH,
            20.0),
        Arguments.of(
            "hostFromEnv",
            md(null, "hostFromEnv", "RABBIT_HOST"),
            Map.of(),
            RabbitMqProtocol.HTTP,
            RabbitMqMode.QUEUE_LENGTH,
            20.0),
        Arguments.of(
            "regex + excludeUnacknowledged over http",
            md(HTTP, "useRegex", "true", "excludeUnacknowledged", "true", "operation", "max"),
            Map.of(),
            RabbitMqProtocol.HTTP,
            RabbitMqMode.QUEUE_LENGTH,
            20.0),
        Arguments.of(
            "ratio and eta modes",
            md(HTTP, "mode", "ExpectedQueueConsumptionTime", "value", "30"),
            Map.of(),
            RabbitMqProtocol.HTTP,
            RabbitMqMode.EXPECTED_QUEUE_CONSUMPTION_TIME,
            30.0),
        Arguments.of(
            "http timeout",
            md(HTTP, "timeout", "1500"),
            Map.of(),
            RabbitMqProtocol.HTTP,
            RabbitMqMode.QUEUE_LENGTH,
            20.0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valid")
  void validConfigs(
      String name,
      Map<String, String> md,
      Map<String, String> auth,
      RabbitMqProtocol protocol,
      RabbitMqMode mode,
      double target)
      throws Exception {
    RabbitMqConfig c = bind(md, auth);
    assertThat(c.resolvedProtocol()).isEqualTo(protocol);
    assertThat(c.triggerMode()).isEqualTo(mode);
    assertThat(c.targetValue()).isEqualTo(target);
    assertThat(c.toString()).doesNotContain("s3cr3t");
  }

  static Stream<Arguments> invalidTrigger() {
    return Stream.of(
        Arguments.of(
            "missing host",
            md(null),
            Map.of(),
            "missing required parameter \"host\" in [triggerMetadata authParams resolvedEnv]"),
        Arguments.of(
            "missing queueName",
            Map.of("host", AMQP),
            Map.of(),
            "missing required parameter \"queueName\" in [triggerMetadata]"),
        Arguments.of(
            "mode without value",
            md(HTTP, "mode", "QueueLength"),
            Map.of(),
            "value must be specified"),
        Arguments.of(
            "value without mode", md(HTTP, "value", "5"), Map.of(), "mode must be specified"),
        Arguments.of(
            "queueLength with mode",
            md(HTTP, "queueLength", "5", "mode", "QueueLength"),
            Map.of(),
            "queueLength is deprecated; configure only mode and value"),
        Arguments.of(
            "queueLength with value",
            md(HTTP, "queueLength", "5", "value", "5"),
            Map.of(),
            "queueLength is deprecated; configure only mode and value"),
        Arguments.of(
            "MessageRate over amqp",
            md(AMQP, "mode", "MessageRate", "value", "5"),
            Map.of(),
            "protocol amqp not supported; must be HTTP to use trigger mode MessageRate"),
        Arguments.of(
            "DeliverGetRate over amqp",
            md(AMQP, "mode", "DeliverGetRate", "value", "5"),
            Map.of(),
            "protocol amqp not supported; must be HTTP to use trigger mode DeliverGetRate"),
        Arguments.of(
            "unknown mode",
            md(HTTP, "mode", "Nope", "value", "5"),
            Map.of(),
            "parameter \"mode\" value \"Nope\" must be one of [Unknown QueueLength MessageRate"
                + " DeliverGetRate PublishedToDeliveredRatio ExpectedQueueConsumptionTime]"),
        Arguments.of(
            "unknown protocol",
            md(HTTP, "protocol", "smtp"),
            Map.of(),
            "parameter \"protocol\" value \"smtp\" must be one of [auto http amqp]"),
        Arguments.of(
            "unknown scheme under auto",
            md("ftp://u:s3cr3t-pw@h/v"),
            Map.of(),
            "unknown host URL scheme `ftp`"),
        Arguments.of(
            "no scheme under auto", md("somehost.com"), Map.of(), "unknown host URL scheme ``"),
        Arguments.of(
            "unparseable host",
            md("amqp://us er:s3cr3t-pw@h/v"),
            Map.of(),
            "can't parse host to find protocol: Illegal character in authority at index 7"),
        Arguments.of(
            "regex over amqp",
            md(AMQP, "useRegex", "true"),
            Map.of(),
            "configure only useRegex with http protocol"),
        Arguments.of(
            "excludeUnacknowledged over amqp",
            md(AMQP, "excludeUnacknowledged", "true"),
            Map.of(),
            "configure excludeUnacknowledged=true with http protocol only"),
        Arguments.of(
            "timeout over amqp",
            md(AMQP, "timeout", "1000"),
            Map.of(),
            "amqp protocol doesn't support custom timeouts: 1000"),
        Arguments.of(
            "pageSize 0",
            md(HTTP, "useRegex", "true", "pageSize", "0"),
            Map.of(),
            "pageSize should be 1 or greater than 1"),
        Arguments.of(
            "value not a number",
            md(HTTP, "mode", "QueueLength", "value", "AA"),
            Map.of(),
            "unable to set param \"value\" value \"AA\": invalid character 'A' looking for"
                + " beginning of value"));
  }

  static Stream<Arguments> invalidAuth() {
    return Stream.of(
        Arguments.of(
            "username without password",
            md(HTTP),
            Map.of("username", "u"),
            "username and password must be given together"),
        Arguments.of(
            "password without username",
            md(HTTP),
            Map.of("password", "s3cr3t-pw"),
            "username and password must be given together"),
        Arguments.of(
            "bad tls value",
            md(AMQP),
            Map.of("tls", "yes"),
            "parameter \"tls\" value \"yes\" must be one of [enable disable]"),
        Arguments.of(
            "cert without key",
            md(AMQP),
            Map.of("tls", "enable", "cert", "C"),
            "both key and cert must be provided"),
        Arguments.of(
            "workload identity over amqp",
            md(AMQP),
            Map.of("workloadIdentityResource", "r"),
            "workload identity is not supported for amqp protocol currently"),
        Arguments.of(
            "incomplete oauth",
            md(HTTP),
            Map.of("oauthTokenURI", "https://t"),
            "oauthTokenURI, clientID and clientSecret must be given together"),
        Arguments.of(
            "oauth (not yet supported)",
            md(HTTP),
            Map.of("oauthTokenURI", "https://t", "clientID", "c", "clientSecret", "s3cr3t-cs"),
            "OAuth2 for rabbitmq is not supported by keda4j yet"),
        Arguments.of(
            "workload identity over http (not yet supported)",
            md(HTTP),
            Map.of("workloadIdentityResource", "r"),
            "workload identity for rabbitmq is not supported by keda4j yet"),
        Arguments.of(
            "encrypted key (not yet supported)",
            md(AMQP),
            Map.of("tls", "enable", "cert", "C", "key", "K", "keyPassword", "s3cr3t-kp"),
            "keyPassword (encrypted client key) is not supported by keda4j yet"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource({"invalidTrigger", "invalidAuth"})
  void invalidConfigs(
      String name, Map<String, String> md, Map<String, String> auth, String reason) {
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> bind(md, auth));
    assertThat(e).as("binding should fail").isNotNull();
    assertThat(e.errors()).extracting(ConfigError::reason).contains(reason);
    assertThat(e.getMessage())
        .startsWith("error parsing rabbitmq metadata: ")
        .doesNotContain("s3cr3t");
  }

  @Test
  void credentialsAndTlsFromAuthParams() throws Exception {
    RabbitMqConfig c =
        bind(
            md(AMQP, "unsafeSsl", "true", "vhostName", "other", "passwordFromEnv", "PW"),
            Map.of("username", "bob", "tls", "enable", "cert", "CERT", "key", "s3cr3t-key"));
    assertThat(c.auth().username()).isEqualTo("bob");
    assertThat(c.auth().password()).as("password from env").isEqualTo("s3cr3t-env");
    var tls = c.tlsConfig();
    assertThat(tls.enabled()).isTrue();
    assertThat(tls.unsafeSsl()).isTrue();
    assertThat(tls.hasClientCert()).isTrue();
    AmqpEndpoint ep = AmqpEndpoint.of(c);
    assertThat(ep.vhost()).isEqualTo("other");
    assertThat(ep.username()).isEqualTo("bob");
    assertThat(ep.password()).isEqualTo("s3cr3t-env");
    assertThat(ep.externalAuth()).as("credentials given: PLAIN, not EXTERNAL").isFalse();
    assertThat(c.toString()).doesNotContain("s3cr3t");
    assertThat(ep.toString()).doesNotContain("s3cr3t");
  }

  @Test
  void amqpEndpointFromUrlAndExternalAuth() throws Exception {
    AmqpEndpoint ep = AmqpEndpoint.of(bind(md(AMQP), Map.of()));
    assertThat(ep.vhost()).isEqualTo("vhost");
    assertThat(ep.username()).isEqualTo("guest");
    assertThat(ep.password()).isEqualTo("s3cr3t-pw");
    assertThat(ep.tls().enabled()).isFalse();
    AmqpEndpoint ext =
        AmqpEndpoint.of(
            bind(md("amqps://h:5671/"), Map.of("tls", "enable", "cert", "C", "key", "K")));
    assertThat(ext.vhost()).isEqualTo("/");
    assertThat(ext.externalAuth()).isTrue();
  }

  @Test
  void timeoutDefaultsToGlobalAndParsesGoDurations() throws Exception {
    assertThat(bind(md(HTTP), Map.of()).timeout()).isNull();
    assertThat(bind(md(HTTP, "timeout", "2s"), Map.of()).timeout())
        .isEqualTo(Duration.ofSeconds(2));
    assertThat(bind(md(HTTP), Map.of()).pageSize()).isEqualTo(100);
    assertThat(bind(md(HTTP), Map.of()).operation()).isEqualTo("sum");
  }

  @Test
  void metricNamesAndTarget() throws Exception {
    RabbitMqScalerProvider p = new RabbitMqScalerProvider();
    var c0 = p.bind(ctx(0, md(HTTP, "mode", "MessageRate", "value", "2.5"), Map.of())).config();
    var s0 = new RabbitMqScaler(ctx(0, Map.of(), Map.of()), c0, null, () -> {});
    MetricSpec spec = s0.metricSpecs().get(0);
    assertThat(spec.metricName()).isEqualTo("s0-rabbitmq-sample");
    assertThat(spec.targetType()).isEqualTo(MetricTargetType.AVERAGE_VALUE);
    assertThat(spec.target().milliValue()).isEqualTo(2500);
    Map<String, String> m = md(HTTP);
    m.put("queueName", "namespace/name");
    var c1 = p.bind(ctx(1, m, Map.of())).config();
    var s1 = new RabbitMqScaler(ctx(1, Map.of(), Map.of()), c1, null, () -> {});
    assertThat(s1.metricSpecs().get(0).metricName()).isEqualTo("s1-rabbitmq-namespace-2Fname");
    assertThat(s1.metricSpecs().get(0).target().milliValue()).isEqualTo(20_000);
  }
}
