package dev.keda4j.scalers.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The mode table of scalers.md §3.6 and "Test cases worth having" 14. */
class RabbitMqModeTest {

  @ParameterizedTest(name = "{0} msgs={1} pub={2} del={3} act={4} -> {5} {6}")
  @CsvSource({
    // mode, messages, publish, deliver, activation, value, active
    "QUEUE_LENGTH, 5, 0, 0, 5, 5, false",
    "QUEUE_LENGTH, 6, 0, 0, 5, 6, true",
    "QUEUE_LENGTH, 0, 0, 0, 0, 0, false",
    "MESSAGE_RATE, 0, 1.4, 0, 0, 1.4, true",
    "MESSAGE_RATE, 3, 0, 0, 0, 0, true",
    "MESSAGE_RATE, 0, 0, 0, 0, 0, false",
    "MESSAGE_RATE, 2, 1, 0, 2, 1, false",
    "DELIVER_GET_RATE, 0, 0, 0, 0, 0, false",
    "DELIVER_GET_RATE, 9, 0, 0, 0, 0, false",
    "DELIVER_GET_RATE, 0, 0, 2.5, 2, 2.5, true",
    "PUBLISHED_TO_DELIVERED_RATIO, 0, 3, 0, 1.5, 1.5, true",
    "PUBLISHED_TO_DELIVERED_RATIO, 0, 3, 2, 1, 1.5, true",
    "PUBLISHED_TO_DELIVERED_RATIO, 0, 2, 2, 1, 1, false",
    "PUBLISHED_TO_DELIVERED_RATIO, 0, 0, 2, 0, 0, false",
    "EXPECTED_QUEUE_CONSUMPTION_TIME, 0, 5, 1, 0, 0, false",
    "EXPECTED_QUEUE_CONSUMPTION_TIME, 10, 0, 0, 7, 7, true",
    "EXPECTED_QUEUE_CONSUMPTION_TIME, 10, 3, 2, 1, 5.5, true",
    "EXPECTED_QUEUE_CONSUMPTION_TIME, 2, 2, 2, 1, 1, false"
  })
  void valueAndActivity(
      RabbitMqMode mode,
      long messages,
      double publish,
      double deliver,
      double activation,
      double value,
      boolean active) {
    RabbitMqMode.Reading r = mode.evaluate(messages, publish, deliver, activation);
    assertThat(r.value()).isEqualTo(value);
    assertThat(r.active()).isEqualTo(active);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "QueueLength, QUEUE_LENGTH, false",
    "MessageRate, MESSAGE_RATE, true",
    "DeliverGetRate, DELIVER_GET_RATE, true",
    "PublishedToDeliveredRatio, PUBLISHED_TO_DELIVERED_RATIO, true",
    "ExpectedQueueConsumptionTime, EXPECTED_QUEUE_CONSUMPTION_TIME, true"
  })
  void namesAndHttpNeed(String name, RabbitMqMode mode, boolean needsHttp) {
    assertThat(RabbitMqMode.byName(name)).contains(mode);
    assertThat(mode.kedaName()).isEqualTo(name);
    assertThat(mode.needsHttp()).isEqualTo(needsHttp);
    assertThat(RabbitMqMode.byName(RabbitMqMode.UNKNOWN)).isEmpty();
  }
}
