package dev.keda4j.scalers.azure.servicebus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.keda4j.scalers.config.ConfigError;
import dev.keda4j.scalers.config.ConfigException;
import dev.keda4j.scalers.spi.ScalerContext;
import dev.keda4j.scalers.spi.ScalerRuntime;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Parameter cases of scalers.md §3.4 and "Test cases worth having" 11. */
class AzureServiceBusConfigTest {
  private static final String SECRET_KEY = "c2VjcmV0LWtleS1uZXZlci1zaG93bg==";
  private static final String CONN =
      "Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;"
          + "SharedAccessKey="
          + SECRET_KEY;
  private static final Map<String, String> ENV = Map.of("SB_CONN_STRING", CONN);
  private static final Map<String, String> AUTH = Map.of("connection", CONN);

  private static ScalerContext ctx(int index, Map<String, String> md, Map<String, String> auth) {
    return ScalerContext.builder("azure-servicebus")
        .triggerIndex(index)
        .metadata(md)
        .resolvedEnv(ENV)
        .authParams(auth)
        .build();
  }

  private static AzureServiceBusConfig bind(
      int index, Map<String, String> md, Map<String, String> auth) throws ConfigException {
    return new AzureServiceBusScalerProvider().bind(ctx(index, md, auth)).config();
  }

  static Stream<Arguments> valid() {
    return Stream.of(
        Arguments.of(
            "example manifest: queue, connectionFromEnv, messageCount 10",
            0,
            Map.of(
                "queueName",
                "my-queue",
                "connectionFromEnv",
                "SB_CONN_STRING",
                "messageCount",
                "10"),
            Map.of(),
            "s0-azure-servicebus-my-queue",
            10L,
            0L),
        Arguments.of(
            "queue via TriggerAuthentication, defaults (case 11)",
            0,
            Map.of("queueName", "testqueue"),
            AUTH,
            "s0-azure-servicebus-testqueue",
            5L,
            0L),
        Arguments.of(
            "subscription at index 1 (case 11)",
            1,
            Map.of(
                "topicName", "testtopic", "subscriptionName", "sub", "activationMessageCount", "3"),
            AUTH,
            "s1-azure-servicebus-testtopic",
            5L,
            3L),
        Arguments.of(
            "queue regex",
            0,
            Map.of("queueName", "orders-.*", "useRegex", "true", "operation", "max"),
            AUTH,
            "s0-azure-servicebus-queue-regex",
            5L,
            0L),
        Arguments.of(
            "subscription regex",
            2,
            Map.of("topicName", "t", "subscriptionName", "s.*", "useRegex", "true"),
            AUTH,
            "s2-azure-servicebus-topic-regex",
            5L,
            0L),
        Arguments.of(
            "connection in auth wins over env",
            0,
            Map.of("queueName", "q", "connectionFromEnv", "MISSING"),
            AUTH,
            "s0-azure-servicebus-q",
            5L,
            0L),
        Arguments.of(
            "invalid cloud is not checked when a connection is used (as in KEDA)",
            0,
            Map.of("queueName", "q", "cloud", "Mars"),
            AUTH,
            "s0-azure-servicebus-q",
            5L,
            0L));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valid")
  void validConfigs(
      String name,
      int index,
      Map<String, String> md,
      Map<String, String> auth,
      String metricName,
      long target,
      long activation)
      throws Exception {
    AzureServiceBusConfig c = bind(index, md, auth);
    assertThat(ctx(index, md, auth).metricName(c.metricBase())).isEqualTo(metricName);
    assertThat(c.messageCount()).isEqualTo(target);
    assertThat(c.activationMessageCount()).isEqualTo(activation);
    assertThat(c.connection()).isEqualTo(CONN);
    assertThat(c.toString()).doesNotContain(SECRET_KEY).contains("connection=<redacted>");
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of(
            "queue and subscription (case 11)",
            Map.of("queueName", "q", "subscriptionName", "s"),
            AUTH,
            "subscription name provided with queue name"),
        Arguments.of(
            "queue and topic",
            Map.of("queueName", "q", "topicName", "t", "subscriptionName", "s"),
            AUTH,
            "both topic and queue name metadata provided"),
        Arguments.of(
            "topic without subscription (case 11)",
            Map.of("topicName", "t"),
            AUTH,
            "no subscription name provided with topic name"),
        Arguments.of(
            "no entity", Map.of("messageCount", "3"), AUTH, "no service bus entity type set"),
        Arguments.of(
            "no connection, no identity (case 11)",
            Map.of("queueName", "q"),
            Map.of(),
            "no connection setting given"),
        Arguments.of(
            "connection in plain metadata is not read",
            Map.of("queueName", "q", "connection", CONN),
            Map.of(),
            "no connection setting given"),
        Arguments.of(
            "connectionFromEnv naming a missing variable",
            Map.of("queueName", "q", "connectionFromEnv", "MISSING"),
            Map.of(),
            "no connection setting given"),
        Arguments.of(
            "namespace only: workload identity not supported",
            Map.of("queueName", "q", "namespace", "myns"),
            Map.of(),
            "namespace myns.servicebus.windows.net needs pod identity (azure-workload), which is"
                + " not supported by keda4j yet: set connection (TriggerAuthentication) or"
                + " connectionFromEnv"),
        Arguments.of(
            "namespace with unknown cloud",
            Map.of("queueName", "q", "namespace", "myns", "cloud", "Mars"),
            Map.of(),
            "invalid cloud environment Mars"),
        Arguments.of(
            "namespace with Private cloud and no suffix",
            Map.of("queueName", "q", "namespace", "myns", "cloud", "Private"),
            Map.of(),
            "endpointSuffix must be provided for Private cloud type"),
        Arguments.of(
            "invalid queue regex",
            Map.of("queueName", "orders-(", "useRegex", "true"),
            AUTH,
            "invalid regex \"orders-(\": Unclosed group"),
        Arguments.of(
            "unknown operation",
            Map.of("queueName", "q", "useRegex", "true", "operation", "min"),
            AUTH,
            "parameter \"operation\" value \"min\" must be one of [sum max avg]"),
        Arguments.of(
            "messageCount not an int",
            Map.of("queueName", "q", "messageCount", "AA"),
            AUTH,
            "unable to set param \"messageCount\" value \"AA\": invalid character 'A' looking for"
                + " beginning of value"),
        Arguments.of(
            "useRegex not a bool",
            Map.of("queueName", "q", "useRegex", "yes"),
            AUTH,
            "unable to set param \"useRegex\" value \"yes\": strconv.ParseBool: parsing \"yes\":"
                + " invalid syntax"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void invalidConfigs(
      String name, Map<String, String> md, Map<String, String> auth, String reason) {
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> bind(0, md, auth));
    assertThat(e).as("binding must fail").isNotNull();
    assertThat(e.errors()).extracting(ConfigError::reason).contains(reason);
    assertThat(e.getMessage())
        .startsWith("error parsing azure-servicebus metadata: ")
        .doesNotContain(SECRET_KEY);
  }

  @Test
  void entityTypeAndRegexSourceFollowTheNames() throws Exception {
    AzureServiceBusConfig queue = bind(0, Map.of("queueName", "q.*", "useRegex", "true"), AUTH);
    assertThat(queue.entityType()).isEqualTo(AzureServiceBusConfig.EntityType.QUEUE);
    assertThat(queue.regexSource()).isEqualTo("q.*");
    assertThat(queue.regexOperation()).isEqualTo(RegexOperation.SUM);
    AzureServiceBusConfig sub =
        bind(0, Map.of("topicName", "t", "subscriptionName", "s.*", "operation", "avg"), AUTH);
    assertThat(sub.entityType()).isEqualTo(AzureServiceBusConfig.EntityType.SUBSCRIPTION);
    assertThat(sub.regexSource()).isEqualTo("s.*");
    assertThat(sub.regexOperation()).isEqualTo(RegexOperation.AVG);
  }

  @Test
  void aMalformedConnectionStringFailsTheBuildWithoutShowingIt() throws Exception {
    String bad = "Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKey" + SECRET_KEY;
    var provider = new AzureServiceBusScalerProvider();
    ScalerContext c = ctx(0, Map.of("queueName", "q"), Map.of("connection", bad));
    var config = provider.bind(c).config();
    Vertx vertx = Vertx.vertx();
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (ScalerRuntime runtime = new ScalerRuntime(vertx, pool)) {
      ConfigException e =
          catchThrowableOfType(ConfigException.class, () -> provider.create(c, config, runtime));
      assertThat(e).isNotNull();
      assertThat(e.getMessage()).contains("invalid connection").doesNotContain(SECRET_KEY);
    } finally {
      pool.shutdownNow();
      vertx.close();
    }
  }
}
