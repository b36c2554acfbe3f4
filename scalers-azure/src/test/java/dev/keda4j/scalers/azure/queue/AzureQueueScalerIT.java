package dev.keda4j.scalers.azure.queue;

import static dev.keda4j.scalers.azure.ScalerItSupport.poll;
import static dev.keda4j.scalers.azure.ScalerItSupport.pollFailure;
import static dev.keda4j.scalers.azure.ScalerItSupport.value;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keda4j.scalers.azure.ScalerItSupport;
import dev.keda4j.scalers.spi.Scaler;
import dev.keda4j.scalers.spi.ScalerResult;
import dev.keda4j.testkit.sources.AzuriteFixture;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code azure-queue} against a real Azurite queue service (unique queues, deleted afterwards). */
class AzureQueueScalerIT {
  @RegisterExtension static final AzuriteFixture AZURITE = new AzuriteFixture();

  private final ScalerItSupport it = new ScalerItSupport();

  @AfterEach
  void close() {
    it.close();
  }

  private Scaler viaTriggerAuthentication(String queue, Map<String, String> extra)
      throws Exception {
    Map<String, String> md =
        new java.util.HashMap<>(Map.of("queueName", queue, "queueLength", "1"));
    md.putAll(extra);
    return it.scaler(
        "azure-queue", 0, md, Map.of(), Map.of("connection", AZURITE.connectionString()));
  }

  @Test
  void theExampleTriggerCountsTheQueue() throws Exception {
    String queue = AZURITE.createQueue();
    // the azure-queue-scaledjob example: queueLength "1", TriggerAuthentication parameter
    // connection
    Scaler s = viaTriggerAuthentication(queue, Map.of());
    assertThat(s.metricSpecs().get(0).metricName()).isEqualTo("s0-azure-queue-" + queue);
    assertThat(s.metricSpecs().get(0).target().milliValue()).isEqualTo(1000);

    ScalerResult empty = poll(s);
    assertThat(value(empty)).isZero();
    assertThat(empty.active()).isFalse();

    AZURITE.putMessages(queue, 3);
    ScalerResult three = poll(s);
    assertThat(value(three)).isEqualTo(3);
    assertThat(three.active()).isTrue();
  }

  @Test
  void activationIsStrictlyAboveTheThreshold() throws Exception {
    String queue = AZURITE.createQueue();
    AZURITE.putMessages(queue, 2);
    assertThat(poll(viaTriggerAuthentication(queue, Map.of("activationQueueLength", "2"))).active())
        .isFalse();
    assertThat(poll(viaTriggerAuthentication(queue, Map.of("activationQueueLength", "1"))).active())
        .isTrue();
  }

  @Test
  void visibleOnlyPeeksAndFallsBackToTheApproximateCountAtThePeekLimit() throws Exception {
    String queue = AZURITE.createQueue();
    AZURITE.putMessages(queue, 5);
    Scaler s =
        it.scaler(
            "azure-queue",
            1,
            Map.of(
                "queueName", queue,
                "queueLengthStrategy", "visibleonly",
                "connectionFromEnv", "CONNECTION_STRING"),
            Map.of("CONNECTION_STRING", AZURITE.connectionString()),
            Map.of());
    assertThat(value(poll(s))).isEqualTo(AZURITE.peekCount(queue)).isEqualTo(5);

    AZURITE.putMessages(queue, AzureQueueScaler.MAX_PEEK);
    assertThat(value(poll(s))).isEqualTo(AZURITE.approximateMessageCount(queue)).isEqualTo(37);
  }

  @Test
  void aMissingQueueFailsThePoll() throws Exception {
    String missing = "k4j-missing-" + Long.toHexString(System.nanoTime());
    Throwable e = pollFailure(viaTriggerAuthentication(missing, Map.of()));
    assertThat(e).hasMessageContaining("reading queue " + missing + " failed");
  }

  @Test
  void aWrongAccountKeyFailsThePollWithoutTheKey() throws Exception {
    String queue = AZURITE.createQueue();
    String wrongKey = "V3JvbmdLZXlXcm9uZ0tleVdyb25nS2V5V3JvbmdLZXk=";
    String conn = AZURITE.connectionString().replace(AzuriteFixture.KEY, wrongKey);
    Scaler s =
        it.scaler(
            "azure-queue", 0, Map.of("queueName", queue), Map.of(), Map.of("connection", conn));
    Throwable e = pollFailure(s);
    assertThat(e)
        .hasMessageContaining("reading queue " + queue + " failed")
        .hasMessageNotContaining(wrongKey)
        .hasMessageNotContaining(AzuriteFixture.KEY);
    assertThat(String.valueOf(e)).doesNotContain(wrongKey);
    assertThat(s.toString()).doesNotContain(wrongKey);
  }

  @Test
  void anUnreachableEndpointFailsThePollInBoundedTime() throws Exception {
    int closedPort = dev.keda4j.testkit.sources.Sources.freePort();
    String conn =
        AZURITE
            .connectionString()
            .replace(
                AZURITE.queueEndpoint(), "http://127.0.0.1:" + closedPort + "/devstoreaccount1");
    Scaler s =
        it.scaler(
            "azure-queue",
            0,
            Map.of("queueName", "q"),
            Map.of(),
            Map.of("connection", conn),
            Duration.ofSeconds(1));
    long start = System.nanoTime();
    Throwable e = pollFailure(s);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    assertThat(e).hasMessageContaining("reading queue q failed");
  }
}
