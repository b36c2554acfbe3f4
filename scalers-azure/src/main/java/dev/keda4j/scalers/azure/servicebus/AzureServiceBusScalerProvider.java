package dev.keda4j.scalers.azure.servicebus;

import dev.keda4j.scalers.azure.common.ConnectionStrings;
import dev.keda4j.scalers.config.ConfigException;
import dev.keda4j.scalers.spi.Scaler;
import dev.keda4j.scalers.spi.ScalerContext;
import dev.keda4j.scalers.spi.ScalerProvider;
import dev.keda4j.scalers.spi.ScalerRuntime;
import java.util.Set;

/** {@code azure-servicebus}. */
public final class AzureServiceBusScalerProvider implements ScalerProvider<AzureServiceBusConfig> {
  static final String TYPE = "azure-servicebus";

  @Override
  public Set<String> triggerTypes() {
    return Set.of(TYPE);
  }

  @Override
  public Class<AzureServiceBusConfig> configType() {
    return AzureServiceBusConfig.class;
  }

  @Override
  public Scaler create(ScalerContext ctx, AzureServiceBusConfig config, ScalerRuntime runtime)
      throws ConfigException {
    ServiceBusAdminClients pool =
        runtime.shared(
            ServiceBusAdminClients.class,
            () -> new ServiceBusAdminClients(ManagementEndpointOverride.configured()));
    try {
      return new AzureServiceBusScaler(
          ctx,
          config,
          pool.acquire(
              new ServiceBusAdminClients.Key(config.connection(), ctx.globalHttpTimeout())));
    } catch (IllegalArgumentException | IllegalStateException e) {
      // the SDK's parse errors may quote the connection string
      throw ConfigException.single(
          TYPE,
          "connection",
          "invalid connection: " + ConnectionStrings.redact(e.getMessage(), config.connection()));
    }
  }
}
