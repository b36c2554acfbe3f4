package dev.keda4j.scalers.azure.servicebus;

import static dev.keda4j.scalers.azure.ScalerItSupport.poll;
import static dev.keda4j.scalers.azure.ScalerItSupport.pollFailure;
import static dev.keda4j.scalers.azure.ScalerItSupport.value;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keda4j.scalers.azure.ScalerItSupport;
import dev.keda4j.scalers.azure.servicebus.ServiceBusManagementStandIn.Counts;
import dev.keda4j.scalers.spi.Scaler;
import dev.keda4j.scalers.spi.ScalerResult;
import dev.keda4j.testkit.sources.Sources;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code azure-servicebus} against {@link ServiceBusManagementStandIn}, a local HTTPS stand-in for
 * the Service Bus management API: no Service Bus emulator can run here (the official one needs
 * Docker). The real SDK client signs real SAS tokens; {@link ManagementEndpointOverride} sends its
 * requests to the stand-in, which answers in the documented Atom format and checks the signature.
 * The JVM's default TLS context trusts the certificate the test generates, for this class only.
 */
class AzureServiceBusScalerIT {
  private static SSLContext previousDefault;
  private static ServiceBusManagementStandIn standIn;

  private ScalerItSupport it;
  private String queue;
  private String topic;

  @BeforeAll
  static void start() throws Exception {
    SelfSignedTls tls = new SelfSignedTls();
    previousDefault = SSLContext.getDefault();
    SSLContext.setDefault(tls.client);
    standIn = new ServiceBusManagementStandIn(tls);
  }

  @AfterAll
  static void stop() {
    standIn.close();
    SSLContext.setDefault(previousDefault);
    System.clearProperty(ManagementEndpointOverride.PROPERTY);
  }

  @BeforeEach
  void setUp() {
    // the override is read when the runtime's client pool is created, i.e. once per ScalerItSupport
    System.setProperty(ManagementEndpointOverride.PROPERTY, standIn.baseUrl());
    it = new ScalerItSupport();
    queue = "k4j-" + UUID.randomUUID();
    topic = "k4j-" + UUID.randomUUID();
  }

  @AfterEach
  void tearDown() {
    it.close();
  }

  private static String connection() {
    return ServiceBusManagementStandIn.connectionString("standin", ServiceBusManagementStandIn.KEY);
  }

  @Test
  void theExampleTriggerReadsTheActiveMessagesOfTheQueue() throws Exception {
    standIn.queue(queue, new Counts(7, 4, 2));
    // servicebus-scaledobject.yaml: queueName, connectionFromEnv SB_CONN_STRING, messageCount "10"
    Scaler s =
        it.scaler(
            "azure-servicebus",
            0,
            Map.of("queueName", queue, "connectionFromEnv", "SB_CONN_STRING", "messageCount", "10"),
            Map.of("SB_CONN_STRING", connection()),
            Map.of());
    assertThat(s.metricSpecs().get(0).metricName()).isEqualTo("s0-azure-servicebus-" + queue);
    assertThat(s.metricSpecs().get(0).target().milliValue()).isEqualTo(10_000);
    ScalerResult r = poll(s);
    assertThat(value(r)).as("active messages only: no dead-letter, no scheduled").isEqualTo(7);
    assertThat(r.active()).isTrue();
    assertThat(standIn.requests)
        .anyMatch(req -> req.contains(queue) && req.contains("enrich=true"));
  }

  @Test
  void aSubscriptionReportsItsActiveMessages() throws Exception {
    standIn.subscription(topic, "workers", new Counts(12, 3, 0));
    Scaler s =
        it.scaler(
            "azure-servicebus",
            1,
            Map.of("topicName", topic, "subscriptionName", "workers"),
            Map.of(),
            Map.of("connection", connection()));
    assertThat(s.metricSpecs().get(0).metricName()).isEqualTo("s1-azure-servicebus-" + topic);
    assertThat(value(poll(s))).isEqualTo(12);
  }

  @Test
  void activationIsStrictlyAboveTheThreshold() throws Exception {
    standIn.queue(queue, new Counts(3, 0, 0));
    Map<String, String> auth = Map.of("connection", connection());
    assertThat(
            poll(it.scaler(
                    "azure-servicebus",
                    0,
                    Map.of("queueName", queue, "activationMessageCount", "3"),
                    Map.of(),
                    auth))
                .active())
        .isFalse();
    assertThat(
            poll(it.scaler(
                    "azure-servicebus",
                    0,
                    Map.of("queueName", queue, "activationMessageCount", "2"),
                    Map.of(),
                    auth))
                .active())
        .isTrue();
    standIn.queue(queue, new Counts(0, 5, 0));
    ScalerResult empty =
        poll(it.scaler("azure-servicebus", 0, Map.of("queueName", queue), Map.of(), auth));
    assertThat(value(empty)).isZero();
    assertThat(empty.active()).isFalse();
  }

  @Test
  void aRegexAggregatesTheMatchingQueues() throws Exception {
    String prefix = "k4j-" + UUID.randomUUID().toString().substring(0, 8);
    standIn.queue(prefix + "-a", new Counts(2, 0, 0));
    standIn.queue(prefix + "-b", new Counts(6, 0, 0));
    standIn.queue("other-" + prefix, new Counts(100, 0, 0));
    Map<String, String> auth = Map.of("connection", connection());
    Map<String, String> md = Map.of("queueName", prefix + "-.*", "useRegex", "true");
    Scaler sum = it.scaler("azure-servicebus", 0, md, Map.of(), auth);
    assertThat(sum.metricSpecs().get(0).metricName()).isEqualTo("s0-azure-servicebus-queue-regex");
    assertThat(value(poll(sum))).isEqualTo(8);
    Map<String, String> max = new java.util.HashMap<>(md);
    max.put("operation", "max");
    assertThat(value(poll(it.scaler("azure-servicebus", 0, max, Map.of(), auth)))).isEqualTo(6);
  }

  @Test
  void aMissingEntityFailsThePoll() throws Exception {
    Scaler s =
        it.scaler(
            "azure-servicebus",
            0,
            Map.of("queueName", queue),
            Map.of(),
            Map.of("connection", connection()));
    assertThat(pollFailure(s)).hasMessageContaining("queue " + queue);
    Scaler sub =
        it.scaler(
            "azure-servicebus",
            0,
            Map.of("topicName", topic, "subscriptionName", "nobody"),
            Map.of(),
            Map.of("connection", connection()));
    assertThat(pollFailure(sub)).hasMessageContaining("subscription " + topic + "/nobody");
  }

  @Test
  void aWrongKeyFailsThePollWithoutTheKey() throws Exception {
    standIn.queue(queue, new Counts(1, 0, 0));
    String wrongKey = "d3Jvbmcta2V5LXdyb25nLWtleS13cm9uZy1rZXktMQ==";
    Scaler s =
        it.scaler(
            "azure-servicebus",
            0,
            Map.of("queueName", queue),
            Map.of(),
            Map.of(
                "connection", ServiceBusManagementStandIn.connectionString("standin", wrongKey)));
    Throwable e = pollFailure(s);
    assertThat(e)
        .hasMessageContaining("reading queue " + queue + " failed")
        .hasMessageContaining("(HTTP 401)")
        .hasMessageNotContaining(wrongKey);
    assertThat(String.valueOf(e)).doesNotContain(wrongKey);
    assertThat(s.toString()).doesNotContain(wrongKey);
  }

  @Test
  void anUnreachableEndpointFailsThePollInBoundedTime() throws Exception {
    it.close();
    System.setProperty(
        ManagementEndpointOverride.PROPERTY, "https://127.0.0.1:" + Sources.freePort());
    it = new ScalerItSupport();
    Scaler s =
        it.scaler(
            "azure-servicebus",
            0,
            Map.of("queueName", queue),
            Map.of(),
            Map.of("connection", connection()),
            Duration.ofSeconds(1));
    long start = System.nanoTime();
    Throwable e = pollFailure(s);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    assertThat(e).hasMessageContaining("reading queue " + queue + " failed");
  }
}
