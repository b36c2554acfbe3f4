package dev.keda4j.scalers.azure.queue;

import com.azure.storage.queue.QueueAsyncClient;
import com.azure.storage.queue.models.QueueProperties;
import dev.keda4j.scalers.azure.common.AzureScalerException;
import dev.keda4j.scalers.spi.MetricSpec;
import dev.keda4j.scalers.spi.MetricTargetType;
import dev.keda4j.scalers.spi.MetricValue;
import dev.keda4j.scalers.spi.Scaler;
import dev.keda4j.scalers.spi.ScalerContext;
import dev.keda4j.scalers.spi.ScalerResult;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import reactor.core.publisher.Mono;

/**
 * Length of an Azure Storage queue (KEDA's {@code azure_queue_scaler.go}): the approximate message
 * count, or with {@code visibleonly} the number of visible messages a peek sees. Async client.
 */
public final class AzureQueueScaler implements Scaler {
  private static final String TYPE = "azure-queue";

  /** The most messages one peek returns; at that many the approximate count is used instead. */
  static final int MAX_PEEK = 32;

  private final AzureQueueConfig config;
  private final String metricName;
  private final MetricTargetType targetType;
  private final StorageQueueClients.Lease lease;

  AzureQueueScaler(ScalerContext ctx, AzureQueueConfig config, StorageQueueClients.Lease lease) {
    this.config = config;
    this.metricName = ctx.metricName(config.metricBase());
    this.targetType = ctx.externalTargetType();
    this.lease = lease;
  }

  @Override
  public List<MetricSpec> metricSpecs() {
    return List.of(MetricSpec.external(metricName, targetType, config.queueLength()));
  }

  @Override
  public CompletionStage<ScalerResult> poll(String requested) {
    CompletableFuture<Long> length;
    try {
      QueueAsyncClient queue = lease.client().getQueueAsyncClient(config.queueName());
      length = (config.visibleOnly() ? visible(queue) : approximate(queue)).toFuture();
    } catch (RuntimeException e) {
      length = CompletableFuture.failedFuture(e);
    }
    return length
        .handle(
            (n, err) -> {
              if (err != null) {
                throw AzureScalerException.of(
                    TYPE + ": reading queue " + config.queueName(), err, config.connection());
              }
              if (n == null) {
                throw new AzureScalerException(
                    TYPE + ": queue " + config.queueName() + " returned no properties");
              }
              return n;
            })
        .thenApply(
            n ->
                ScalerResult.of(
                    MetricValue.ofCount(requested, n), n > config.activationQueueLength()));
  }

  private static Mono<Long> approximate(QueueAsyncClient queue) {
    return queue.getProperties().map(QueueProperties::getApproximateMessagesCountLong);
  }

  private static Mono<Long> visible(QueueAsyncClient queue) {
    return queue
        .peekMessages(MAX_PEEK)
        .count()
        .flatMap(peeked -> peeked < MAX_PEEK ? Mono.just(peeked) : approximate(queue));
  }

  @Override
  public void close() {
    lease.close();
  }

  @Override
  public String toString() {
    return "AzureQueueScaler[" + metricName + "]";
  }
}
