package dev.keda4j.scalers.azure.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.keda4j.scalers.config.ConfigError;
import dev.keda4j.scalers.config.ConfigException;
import dev.keda4j.scalers.spi.ScalerContext;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Parameter cases of scalers.md §3.5, "Test cases worth having" 12 and the example manifest. */
class AzureQueueConfigTest {
  private static final String KEY = "QUNDT1VOVEtFWS1uZXZlci1zaG93bg==";
  private static final String CONN =
      "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey="
          + KEY
          + ";QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1;";
  private static final Map<String, String> ENV = Map.of("CONNECTION_STRING", CONN);

  private static ScalerContext ctx(int index, Map<String, String> md, Map<String, String> auth) {
    return ScalerContext.builder("azure-queue")
        .scalableObject("ScaledJob", "keda-jobs", "printmessage-job")
        .triggerIndex(index)
        .metadata(md)
        .resolvedEnv(ENV)
        .authParams(auth)
        .build();
  }

  private static AzureQueueConfig bind(int index, Map<String, String> md, Map<String, String> auth)
      throws ConfigException {
    return new AzureQueueScalerProvider().bind(ctx(index, md, auth)).config();
  }

  static Stream<Arguments> valid() {
    return Stream.of(
        Arguments.of(
            "example ScaledJob: TriggerAuthentication parameter connection",
            0,
            Map.of("queueName", "test-queue", "queueLength", "1"),
            Map.of("connection", CONN),
            "s0-azure-queue-test-queue",
            1L,
            0L,
            false),
        Arguments.of(
            "defaults (case 12)",
            0,
            Map.of("queueName", "sample", "connectionFromEnv", "CONNECTION_STRING"),
            Map.of(),
            "s0-azure-queue-sample",
            5L,
            0L,
            false),
        Arguments.of(
            "connection in metadata, visibleonly",
            1,
            Map.of(
                "queueName", "sample",
                "connection", CONN,
                "queueLengthStrategy", "visibleonly",
                "activationQueueLength", "7"),
            Map.of(),
            "s1-azure-queue-sample",
            5L,
            7L,
            true),
        Arguments.of(
            "auth wins over metadata and env",
            0,
            Map.of("queueName", "q", "connection", "AccountName=x", "connectionFromEnv", "NOPE"),
            Map.of("connection", CONN),
            "s0-azure-queue-q",
            5L,
            0L,
            false),
        Arguments.of(
            "Private cloud with suffix",
            0,
            Map.of("queueName", "q", "cloud", "Private", "endpointSuffix", "queue.local"),
            Map.of("connection", CONN),
            "s0-azure-queue-q",
            5L,
            0L,
            false));
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
      long activation,
      boolean visibleOnly)
      throws Exception {
    AzureQueueConfig c = bind(index, md, auth);
    assertThat(ctx(index, md, auth).metricName(c.metricBase())).isEqualTo(metricName);
    assertThat(c.queueLength()).isEqualTo(target);
    assertThat(c.activationQueueLength()).isEqualTo(activation);
    assertThat(c.visibleOnly()).isEqualTo(visibleOnly);
    assertThat(c.connection()).isEqualTo(CONN);
    assertThat(c.toString()).doesNotContain(KEY).contains("connection=<redacted>");
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of(
            "missing queueName",
            Map.of("connection", CONN),
            "missing required parameter \"queueName\" in [triggerMetadata]"),
        Arguments.of("no connection", Map.of("queueName", "q"), "no connection setting given"),
        Arguments.of(
            "accountName only: workload identity not supported (case 12)",
            Map.of("queueName", "q", "accountName", "acc"),
            "accountName https://acc.queue.core.windows.net needs pod identity (azure-workload),"
                + " which is not supported by keda4j yet: set connection (TriggerAuthentication or"
                + " metadata) or connectionFromEnv"),
        Arguments.of(
            "unknown strategy",
            Map.of("queueName", "q", "connection", CONN, "queueLengthStrategy", "some"),
            "parameter \"queueLengthStrategy\" value \"some\" must be one of [all visibleonly]"),
        Arguments.of(
            "unknown cloud",
            Map.of("queueName", "q", "connection", CONN, "cloud", "Mars"),
            "invalid cloud environment Mars"),
        Arguments.of(
            "Private cloud without suffix",
            Map.of("queueName", "q", "connection", CONN, "cloud", "Private"),
            "endpointSuffix must be provided for Private cloud type"),
        Arguments.of(
            "queueLength not an int",
            Map.of("queueName", "q", "connection", CONN, "queueLength", "1.5"),
            "unable to set param \"queueLength\" value \"1.5\": json: cannot unmarshal number 1.5"
                + " into Go value of type int64"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void invalidConfigs(String name, Map<String, String> md, String reason) {
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> bind(0, md, Map.of()));
    assertThat(e).as("binding must fail").isNotNull();
    assertThat(e.errors()).extracting(ConfigError::reason).contains(reason);
    assertThat(e.getMessage())
        .startsWith("error parsing azure-queue metadata: ")
        .doesNotContain(KEY);
  }
}
