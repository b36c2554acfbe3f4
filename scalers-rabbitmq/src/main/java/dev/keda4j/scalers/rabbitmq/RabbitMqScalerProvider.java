package dev.keda4j.scalers.rabbitmq;

import dev.keda4j.scalers.spi.Scaler;
import dev.keda4j.scalers.spi.ScalerContext;
import dev.keda4j.scalers.spi.ScalerProvider;
import dev.keda4j.scalers.spi.ScalerRuntime;
import java.util.Set;

/** {@code rabbitmq}. */
public final class RabbitMqScalerProvider implements ScalerProvider<RabbitMqConfig> {
  @Override
  public Set<String> triggerTypes() {
    return Set.of("rabbitmq");
  }

  @Override
  public Class<RabbitMqConfig> configType() {
    return RabbitMqConfig.class;
  }

  @Override
  public Scaler create(ScalerContext ctx, RabbitMqConfig config, ScalerRuntime runtime) {
    RabbitMqClients clients =
        runtime.shared(RabbitMqClients.class, () -> new RabbitMqClients(runtime.vertx()));
    if (config.resolvedProtocol() == RabbitMqProtocol.AMQP) {
      var lease =
          clients.amqp(AmqpEndpoint.of(config), "keda-" + ctx.namespace() + "-" + ctx.name());
      return new RabbitMqScaler(
          ctx,
          config,
          new AmqpReader(lease.value(), config.queueName(), runtime.blockingPool()),
          lease);
    }
    var lease = clients.web(config.tlsConfig());
    return new RabbitMqScaler(
        ctx,
        config,
        new ManagementApiReader(lease.value(), config, ctx.globalHttpTimeout()),
        lease);
  }
}
