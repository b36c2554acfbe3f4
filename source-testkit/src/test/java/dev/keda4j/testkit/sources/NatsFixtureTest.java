package dev.keda4j.testkit.sources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nats.client.api.ConsumerInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class NatsFixtureTest {
  @RegisterExtension static final NatsFixture NATS = new NatsFixture();

  @Test
  void jetStreamPublishShowsInJszWithConsumerLag() throws Exception {
    String stream = NATS.createStream();
    String consumer = NATS.createConsumer(stream);
    NATS.publish(stream + ".work", 4);

    ConsumerInfo info = NATS.connection().jetStreamManagement().getConsumerInfo(stream, consumer);
    assertThat(info.getNumPending()).isEqualTo(4);

    JsonNode jsz =
        new ObjectMapper().readTree(NATS.jsz("accounts=true&streams=true&consumers=true"));
    assertThat(jsz.path("streams").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(jsz.path("messages").asLong()).isGreaterThanOrEqualTo(4);
    assertThat(jsz.toString()).contains("\"" + stream + "\"").contains("\"" + consumer + "\"");
    assertThat(NATS.monitorHostPort()).startsWith("127.0.0.1:");
  }
}
