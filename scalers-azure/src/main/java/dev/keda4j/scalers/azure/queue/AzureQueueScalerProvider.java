package dev.keda4j.scalers.azure.queue;

import dev.keda4j.scalers.azure.common.ConnectionStrings;
import dev.keda4j.scalers.config.ConfigException;
import dev.keda4j.scalers.spi.Scaler;
import dev.keda4j.scalers.spi.ScalerContext;
import dev.keda4j.scalers.spi.ScalerProvider;
import dev.keda4j.scalers.spi.ScalerRuntime;
import java.util.Set;

/** {@code azure-queue}. */
public final class AzureQueueScalerProvider implements ScalerProvider<AzureQueueConfig> {
  static final String TYPE = "azure-queue";

  @Override
  public Set<String> triggerTypes() {
    return Set.of(TYPE);
  }

  @Override
  public Class<AzureQueueConfig> configType() {
    return AzureQueueConfig.class;
  }

  @Override
  public Scaler create(ScalerContext ctx, AzureQueueConfig config, ScalerRuntime runtime)
      throws ConfigException {
    StorageQueueClients pool = runtime.shared(StorageQueueClients.class, StorageQueueClients::new);
    try {
      return new AzureQueueScaler(
          ctx,
          config,
          pool.acquire(new StorageQueueClients.Key(config.connection(), ctx.globalHttpTimeout())));
    } catch (IllegalArgumentException | IllegalStateException e) {
      // the SDK's parse errors may quote the connection string
      throw ConfigException.single(
          TYPE,
          "connection",
          "invalid connection: " + ConnectionStrings.redact(e.getMessage(), config.connection()));
    }
  }
}
