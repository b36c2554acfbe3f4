package dev.keda4j.scalers.rabbitmq;

import java.util.List;

/** How the queues a regex matched combine into one ({@code operation}: sum, max, avg). */
enum QueueOperation {
  SUM,
  MAX,
  AVG;

  /**
   * The operation named by the trigger; checked when queried, as KEDA does.
   *
   * @throws RabbitMqScalerException for an unknown name
   */
  static QueueOperation parse(String name) {
    return switch (name) {
      case "sum" -> SUM;
      case "max" -> MAX;
      case "avg" -> AVG;
      default -> throw new RabbitMqScalerException("operation mode " + name + " not supported");
    };
  }

  /**
   * Combines the matched queues; no match is an empty (zero) queue. Message counts of {@code avg}
   * are truncated to whole messages like KEDA's {@code int(...)} conversion.
   */
  QueueStats combine(List<QueueStats> queues) {
    if (queues.isEmpty()) {
      return new QueueStats(0, 0, 0, 0);
    }
    double messages = 0;
    double ready = 0;
    double publish = 0;
    double deliver = 0;
    for (QueueStats q : queues) {
      if (this == MAX) {
        messages = Math.max(messages, q.messages());
        ready = Math.max(ready, q.messagesReady());
        publish = Math.max(publish, q.publishRate());
        deliver = Math.max(deliver, q.deliverGetRate());
      } else {
        messages += q.messages();
        ready += q.messagesReady();
        publish += q.publishRate();
        deliver += q.deliverGetRate();
      }
    }
    if (this == AVG) {
      int n = queues.size();
      return new QueueStats((long) (messages / n), (long) (ready / n), publish / n, deliver / n);
    }
    return new QueueStats((long) messages, (long) ready, publish, deliver);
  }
}
