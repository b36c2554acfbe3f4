package dev.keda4j.scalers.rabbitmq;

import java.util.concurrent.CompletionStage;

/** One way of reading a trigger's queue: AMQP or the management API. */
interface QueueReader {
  /** The queue's counts and rates; completes exceptionally when they cannot be read. */
  CompletionStage<QueueStats> read();
}
