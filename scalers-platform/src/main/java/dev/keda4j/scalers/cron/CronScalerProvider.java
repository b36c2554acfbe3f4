package dev.keda4j.scalers.cron;

import dev.keda4j.scalers.config.ConfigException;
import dev.keda4j.scalers.spi.MetricTargetType;
import dev.keda4j.scalers.spi.Scaler;
import dev.keda4j.scalers.spi.ScalerContext;
import dev.keda4j.scalers.spi.ScalerProvider;
import dev.keda4j.scalers.spi.ScalerRuntime;
import java.time.Clock;
import java.util.Set;

/** {@code cron}. */
public final class CronScalerProvider implements ScalerProvider<CronConfig> {
  private final Clock clock;

  /** ServiceLoader entry point: windows are evaluated on the system clock. */
  public CronScalerProvider() {
    this(Clock.systemUTC());
  }

  /** For tests: windows are evaluated on {@code clock}. */
  public CronScalerProvider(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Set<String> triggerTypes() {
    return Set.of("cron");
  }

  @Override
  public Class<CronConfig> configType() {
    return CronConfig.class;
  }

  @Override
  public Scaler create(ScalerContext ctx, CronConfig config, ScalerRuntime runtime)
      throws ConfigException {
    MetricTargetType targetType;
    try {
      targetType = ctx.externalTargetType();
    } catch (IllegalArgumentException e) {
      throw ConfigException.single(
          ctx.triggerType(), "metricType", "error getting scaler metric type: " + e.getMessage());
    }
    return new CronScaler(ctx, config, targetType, clock);
  }
}
