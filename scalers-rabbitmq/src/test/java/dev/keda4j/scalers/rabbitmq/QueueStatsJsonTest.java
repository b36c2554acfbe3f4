package dev.keda4j.scalers.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Management API documents ("Test cases worth having" 14 bodies). */
class QueueStatsJsonTest {

  @Test
  void readsCountsAndRates() {
    QueueStats q =
        QueueStatsJson.queue(
            new JsonObject(
                "{\"messages\":12,\"messages_ready\":9,\"message_stats\":{"
                    + "\"publish_details\":{\"rate\":1.4},\"deliver_get_details\":{\"rate\":0.5}}}"));
    assertThat(q).isEqualTo(new QueueStats(12, 9, 1.4, 0.5));
  }

  @Test
  void deliverGetRateZeroIsInactive() {
    QueueStats q =
        QueueStatsJson.queue(
            new JsonObject(
                "{\"messages\":0,\"messages_unacknowledged\":0,\"message_stats\":{"
                    + "\"deliver_get_details\":{\"rate\":0}},\"name\":\"evaluate_trials\"}"));
    RabbitMqMode.Reading r =
        RabbitMqMode.DELIVER_GET_RATE.evaluate(
            q.count(false), q.publishRate(), q.deliverGetRate(), 0);
    assertThat(r.active()).isFalse();
    assertThat(r.value()).isZero();
  }

  @Test
  void publishRateWithEmptyQueueIsActive() {
    QueueStats q =
        QueueStatsJson.queue(
            new JsonObject(
                "{\"messages\":0,\"message_stats\":{\"publish_details\":{\"rate\":1.4}}}"));
    RabbitMqMode.Reading r =
        RabbitMqMode.MESSAGE_RATE.evaluate(q.count(false), q.publishRate(), q.deliverGetRate(), 0);
    assertThat(r.active()).isTrue();
    assertThat(r.value()).isEqualTo(1.4);
  }

  @Test
  void absentStatsReadAsZero() {
    assertThat(QueueStatsJson.queue(new JsonObject("{\"name\":\"q\"}")))
        .isEqualTo(new QueueStats(0, 0, 0, 0));
  }

  @Test
  void regexPageItemsAndOverflow() {
    var items =
        QueueStatsJson.page(
            new JsonObject(
                "{\"page_count\":1,\"items\":[{\"messages\":1,\"messages_ready\":1},"
                    + "{\"messages\":2,\"messages_ready\":0}]}"));
    assertThat(items).containsExactly(new QueueStats(1, 1, 0, 0), new QueueStats(2, 0, 0, 0));
    assertThatThrownBy(() -> QueueStatsJson.page(new JsonObject("{\"page_count\":2,\"items\":[]}")))
        .isInstanceOf(RabbitMqScalerException.class)
        .hasMessage("regex matches more queues than can be recovered at once");
  }
}
