package dev.keda4j.scalers.rabbitmq;

import dev.keda4j.scalers.spi.MetricSpec;
import dev.keda4j.scalers.spi.MetricTargetType;
import dev.keda4j.scalers.spi.MetricValue;
import dev.keda4j.scalers.spi.Quantity;
import dev.keda4j.scalers.spi.Scaler;
import dev.keda4j.scalers.spi.ScalerContext;
import dev.keda4j.scalers.spi.ScalerResult;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** Queue length or message rates of a RabbitMQ queue (KEDA's {@code rabbitmq_scaler.go}). */
public final class RabbitMqScaler implements Scaler {
  private final RabbitMqConfig config;
  private final String metricName;
  private final MetricTargetType targetType;
  private final QueueReader reader;
  private final AutoCloseable lease;

  RabbitMqScaler(
      ScalerContext ctx, RabbitMqConfig config, QueueReader reader, AutoCloseable lease) {
    this.config = config;
    this.metricName = ctx.metricName(metricBase(config.queueName()));
    this.targetType = ctx.externalTargetType();
    this.reader = reader;
    this.lease = lease;
  }

  /** {@code rabbitmq-<QueryEscape(queueName)>}, normalised later into the metric name. */
  static String metricBase(String queueName) {
    return "rabbitmq-" + RabbitMqUrls.queryEscape(queueName);
  }

  @Override
  public List<MetricSpec> metricSpecs() {
    return List.of(
        MetricSpec.external(metricName, targetType, Quantity.fromDouble(config.targetValue())));
  }

  @Override
  public CompletionStage<ScalerResult> poll(String requested) {
    RabbitMqMode mode = config.triggerMode();
    return reader
        .read()
        .thenApply(
            s -> {
              RabbitMqMode.Reading r =
                  mode.evaluate(
                      s.count(config.excludeUnacknowledged()),
                      s.publishRate(),
                      s.deliverGetRate(),
                      config.activationValue());
              return ScalerResult.of(MetricValue.ofDouble(requested, r.value()), r.active());
            });
  }

  @Override
  public void close() {
    try {
      lease.close();
    } catch (Exception e) {
      throw new IllegalStateException("releasing the client of " + metricName + " failed", e);
    }
  }

  @Override
  public String toString() {
    return "RabbitMqScaler[" + metricName + ", " + config.triggerMode().kedaName() + "]";
  }
}
