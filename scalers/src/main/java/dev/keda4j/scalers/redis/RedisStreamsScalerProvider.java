package dev.keda4j.scalers.redis;

import dev.keda4j.scalers.spi.Scaler;
import dev.keda4j.scalers.spi.ScalerContext;
import dev.keda4j.scalers.spi.ScalerProvider;
import dev.keda4j.scalers.spi.ScalerRuntime;
import java.util.Set;

/** {@code redis-streams}, {@code redis-cluster-streams}, {@code redis-sentinel-streams}. */
public final class RedisStreamsScalerProvider implements ScalerProvider<RedisStreamsConfig> {
  @Override
  public Set<String> triggerTypes() {
    return Set.of("redis-streams", "redis-cluster-streams", "redis-sentinel-streams");
  }

  @Override
  public Class<RedisStreamsConfig> configType() {
    return RedisStreamsConfig.class;
  }

  @Override
  public Scaler create(ScalerContext ctx, RedisStreamsConfig config, ScalerRuntime runtime) {
    RedisClientPool pool =
        runtime.shared(RedisClientPool.class, () -> new RedisClientPool(runtime.vertx()));
    RedisMode mode = RedisMode.forTriggerType(ctx.triggerType());
    return new RedisStreamsScaler(
        ctx, config, pool.acquire(RedisClientPool.Key.of(mode, config.connection())));
  }
}
