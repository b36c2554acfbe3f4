package dev.keda4j.scalers.rabbitmq;

/**
 * What one read of a queue (or of the queues a regex matched) yields.
 *
 * @param messages ready plus unacknowledged ({@code messages}); AMQP reports ready only
 * @param messagesReady ready messages ({@code messages_ready})
 * @param publishRate {@code message_stats.publish_details.rate}, 0 over AMQP
 * @param deliverGetRate {@code message_stats.deliver_get_details.rate}, 0 over AMQP
 */
record QueueStats(long messages, long messagesReady, double publishRate, double deliverGetRate) {

  /** An AMQP passive declare: only the ready count is known. */
  static QueueStats ofAmqpCount(long ready) {
    return new QueueStats(ready, ready, 0, 0);
  }

  /** The count a trigger scales on: {@code messages_ready} when unacknowledged are excluded. */
  long count(boolean excludeUnacknowledged) {
    return excludeUnacknowledged ? messagesReady : messages;
  }
}
