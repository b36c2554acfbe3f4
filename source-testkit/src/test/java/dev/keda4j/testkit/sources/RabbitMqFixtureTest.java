package dev.keda4j.testkit.sources;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RabbitMqFixtureTest {
  @RegisterExtension static final RabbitMqFixture RABBIT = new RabbitMqFixture();

  @Test
  void publishedMessagesShowUpInAmqpAndManagementCounts() throws Exception {
    String q = RABBIT.declareQueue();
    RABBIT.publish(q, 5);
    try (Channel ch = RABBIT.connection().createChannel()) {
      assertThat(ch.queueDeclarePassive(q).getMessageCount()).isEqualTo(5);
    }
    RABBIT.awaitManagementCount("/", q, 5, Duration.ofSeconds(30));
    assertThat(RABBIT.managementMessageCount("/", q)).isEqualTo(5);
  }

  @Test
  void uniqueVhostWithItsOwnQueueIsRemovedOnClose() throws Exception {
    String vhost;
    try (RabbitMqFixture own = new RabbitMqFixture()) {
      vhost = own.createVhost();
      String q = own.declareQueue(vhost);
      own.publish(vhost, q, 3);
      try (Connection c = own.newConnection(vhost);
          Channel ch = c.createChannel()) {
        assertThat(ch.queueDeclarePassive(q).getMessageCount()).isEqualTo(3);
      }
      assertThat(own.amqpUri(vhost)).startsWith("amqp://guest:guest@").endsWith("/" + vhost);
    }
    assertThat(RABBIT.api("GET", "/api/vhosts/" + vhost, null).statusCode()).isEqualTo(404);
  }
}
