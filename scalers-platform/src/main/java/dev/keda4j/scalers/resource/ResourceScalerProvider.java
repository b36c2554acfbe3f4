package dev.keda4j.scalers.resource;

import dev.keda4j.scalers.config.ConfigException;
import dev.keda4j.scalers.spi.Scaler;
import dev.keda4j.scalers.spi.ScalerContext;
import dev.keda4j.scalers.spi.ScalerProvider;
import dev.keda4j.scalers.spi.ScalerRuntime;
import java.util.Set;

/** {@code cpu} and {@code memory}: the trigger type is the resource name. */
public final class ResourceScalerProvider implements ScalerProvider<ResourceConfig> {
  @Override
  public Set<String> triggerTypes() {
    return Set.of("cpu", "memory");
  }

  @Override
  public Class<ResourceConfig> configType() {
    return ResourceConfig.class;
  }

  @Override
  public Scaler create(ScalerContext ctx, ResourceConfig config, ScalerRuntime runtime)
      throws ConfigException {
    ResourceTarget target;
    try {
      target = ResourceTarget.of(ctx.metricType(), config.value());
    } catch (IllegalArgumentException e) {
      throw ConfigException.single(ctx.triggerType(), "value", e.getMessage());
    }
    return new ResourceScaler(target.toSpec(ctx.triggerType(), config.containerName()));
  }
}
