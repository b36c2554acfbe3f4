package dev.keda4j.scalers.redis;

import dev.keda4j.scalers.spi.Scaler;
import dev.keda4j.scalers.spi.ScalerContext;
import dev.keda4j.scalers.spi.ScalerProvider;
import dev.keda4j.scalers.spi.ScalerRuntime;
import java.util.Set;

/** {@code redis}, {@code redis-cluster}, {@code redis-sentinel}. */
public final class RedisScalerProvider implements ScalerProvider<RedisListConfig> {
  @Override
  public Set<String> triggerTypes() {
    return Set.of("redis", "redis-cluster", "redis-sentinel");
  }

  @Override
  public Class<RedisListConfig> configType() {
    return RedisListConfig.class;
  }

  @Override
  public Scaler create(ScalerContext ctx, RedisListConfig config, ScalerRuntime runtime) {
    RedisClientPool pool =
        runtime.shared(RedisClientPool.class, () -> new RedisClientPool(runtime.vertx()));
    RedisMode mode = RedisMode.forTriggerType(ctx.triggerType());
    return new RedisListScaler(
        ctx, config, pool.acquire(RedisClientPool.Key.of(mode, config.connection())));
  }
}
