package dev.keda4j.scalers.rabbitmq;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/** Reads the ready count by passive declare on a shared connection, off the event loops. */
final class AmqpReader implements QueueReader {
  private final AmqpConnection connection;
  private final String queueName;
  private final Executor blockingPool;

  AmqpReader(AmqpConnection connection, String queueName, Executor blockingPool) {
    this.connection = connection;
    this.queueName = queueName;
    this.blockingPool = blockingPool;
  }

  @Override
  public CompletionStage<QueueStats> read() {
    try {
      return CompletableFuture.supplyAsync(
          () -> QueueStats.ofAmqpCount(connection.readyCount(queueName)), blockingPool);
    } catch (RejectedExecutionException e) {
      // A saturated or shut-down pool is a failed poll like any other, not an exception thrown
      // here.
      return CompletableFuture.failedFuture(
          new RabbitMqScalerException(
              "rabbitmq: no blocking thread to read queue " + queueName + ": " + e.getMessage()));
    }
  }
}
