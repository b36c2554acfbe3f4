package dev.keda4j.scalers.azure.servicebus;

import com.azure.messaging.servicebus.administration.ServiceBusAdministrationAsyncClient;
import com.azure.messaging.servicebus.administration.models.QueueProperties;
import com.azure.messaging.servicebus.administration.models.SubscriptionProperties;
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
import java.util.regex.Pattern;
import reactor.core.publisher.Mono;

/**
 * Active messages of a queue or subscription, read from the Service Bus administration API's
 * runtime properties (KEDA's {@code azure_servicebus_scaler.go}). Async client: no thread waits.
 */
public final class AzureServiceBusScaler implements Scaler {
  private static final String TYPE = "azure-servicebus";

  private final AzureServiceBusConfig config;
  private final String metricName;
  private final MetricTargetType targetType;
  private final ServiceBusAdminClients.Lease lease;
  private final Pattern regex;

  AzureServiceBusScaler(
      ScalerContext ctx, AzureServiceBusConfig config, ServiceBusAdminClients.Lease lease) {
    this.config = config;
    this.metricName = ctx.metricName(config.metricBase());
    this.targetType = ctx.externalTargetType();
    this.lease = lease;
    this.regex = config.useRegex() ? Pattern.compile(config.regexSource()) : null;
  }

  @Override
  public List<MetricSpec> metricSpecs() {
    return List.of(MetricSpec.external(metricName, targetType, config.messageCount()));
  }

  @Override
  public CompletionStage<ScalerResult> poll(String requested) {
    CompletableFuture<Long> count;
    try {
      count = activeMessages(lease.client()).toFuture();
    } catch (RuntimeException e) {
      count = CompletableFuture.failedFuture(e);
    }
    return count
        .handle(
            (n, err) -> {
              if (err != null) {
                throw AzureScalerException.of(TYPE + ": reading " + entity(), err, connection());
              }
              if (n == null) {
                throw new AzureScalerException(TYPE + ": " + entity() + " not found");
              }
              return n;
            })
        .thenApply(
            n ->
                ScalerResult.of(
                    MetricValue.ofCount(requested, n), n > config.activationMessageCount()));
  }

  private Mono<Long> activeMessages(ServiceBusAdministrationAsyncClient client) {
    boolean queue = config.entityType() == AzureServiceBusConfig.EntityType.QUEUE;
    if (regex == null) {
      return queue
          ? client
              .getQueueRuntimeProperties(config.queueName())
              .map(p -> (long) p.getActiveMessageCount())
          : client
              .getSubscriptionRuntimeProperties(config.topicName(), config.subscriptionName())
              .map(p -> (long) p.getActiveMessageCount());
    }
    RegexOperation op = config.regexOperation();
    if (queue) {
      return client
          .listQueues()
          .map(QueueProperties::getName)
          .filter(this::matches)
          .concatMap(
              name ->
                  client.getQueueRuntimeProperties(name).map(p -> (long) p.getActiveMessageCount()))
          .collectList()
          .map(op::apply);
    }
    return client
        .listSubscriptions(config.topicName())
        .map(SubscriptionProperties::getSubscriptionName)
        .filter(this::matches)
        .concatMap(
            name ->
                client
                    .getSubscriptionRuntimeProperties(config.topicName(), name)
                    .map(p -> (long) p.getActiveMessageCount()))
        .collectList()
        .map(op::apply);
  }

  /** KEDA keeps an entity whose leftmost-longest match is its whole name: a full match. */
  private boolean matches(String name) {
    return regex.matcher(name).matches();
  }

  private String entity() {
    return config.entityType() == AzureServiceBusConfig.EntityType.QUEUE
        ? "queue " + config.queueName()
        : "subscription " + config.topicName() + "/" + config.subscriptionName();
  }

  private String connection() {
    return config.connection();
  }

  @Override
  public void close() {
    lease.close();
  }

  @Override
  public String toString() {
    return "AzureServiceBusScaler[" + metricName + "]";
  }
}
