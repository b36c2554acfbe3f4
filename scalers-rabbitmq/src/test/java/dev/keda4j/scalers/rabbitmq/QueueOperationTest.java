package dev.keda4j.scalers.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** sum / max / avg over the queues a regex matched. */
class QueueOperationTest {
  private static final List<QueueStats> THREE =
      List.of(
          new QueueStats(10, 4, 1.5, 0.5),
          new QueueStats(3, 3, 0, 2),
          new QueueStats(0, 0, 3, 0.5));

  @ParameterizedTest(name = "{0}")
  @CsvSource({"sum, 13, 7, 4.5, 3", "max, 10, 4, 3, 2", "avg, 4, 2, 1.5, 1"})
  void combines(String op, long messages, long ready, double publish, double deliver) {
    QueueStats q = QueueOperation.parse(op).combine(THREE);
    assertThat(q).isEqualTo(new QueueStats(messages, ready, publish, deliver));
  }

  @Test
  void noMatchIsAnEmptyQueue() {
    for (QueueOperation op : QueueOperation.values()) {
      assertThat(op.combine(List.of())).isEqualTo(new QueueStats(0, 0, 0, 0));
    }
  }

  @Test
  void unknownOperationIsAnError() {
    assertThatThrownBy(() -> QueueOperation.parse("median"))
        .isInstanceOf(RabbitMqScalerException.class)
        .hasMessage("operation mode median not supported");
  }

  @Test
  void excludeUnacknowledgedCountsReadyOnly() {
    QueueStats q = new QueueStats(10, 4, 0, 0);
    assertThat(q.count(true)).isEqualTo(4);
    assertThat(q.count(false)).isEqualTo(10);
    assertThat(QueueStats.ofAmqpCount(7).count(false)).isEqualTo(7);
  }
}
