package dev.keda4j.scalers.redis;

import dev.keda4j.scalers.spi.MetricSpec;
import dev.keda4j.scalers.spi.MetricTargetType;
import dev.keda4j.scalers.spi.MetricValue;
import dev.keda4j.scalers.spi.Scaler;
import dev.keda4j.scalers.spi.ScalerContext;
import dev.keda4j.scalers.spi.ScalerResult;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** Length of a Redis list, set, sorted set or hash (KEDA's {@code redis_scaler.go}). */
public final class RedisListScaler implements Scaler {
  /** Same semantics as KEDA's script: zset/set/hash/list by type, missing key ⇒ LLEN (0). */
  static final String LENGTH_SCRIPT =
      """
      local listName = KEYS[1]
      local listType = redis.call('type', listName).ok
      local cmd = {
          zset = 'zcard',
          set = 'scard',
          list = 'llen',
          hash = 'hlen',
          none = 'llen'
      }
      local lengthCmd = cmd[listType]
      if lengthCmd == nil then
          return redis.error_reply('ERR unsupported key type: ' .. listType)
      end
      return redis.call(lengthCmd, listName)
      """;

  private final RedisListConfig config;
  private final String metricName;
  private final MetricTargetType targetType;
  private final RedisClientPool.Lease lease;

  RedisListScaler(ScalerContext ctx, RedisListConfig config, RedisClientPool.Lease lease) {
    this.config = config;
    this.metricName = ctx.metricName("redis-" + config.listName());
    this.targetType = ctx.externalTargetType();
    this.lease = lease;
  }

  @Override
  public List<MetricSpec> metricSpecs() {
    return List.of(MetricSpec.external(metricName, targetType, config.listLength()));
  }

  @Override
  public CompletionStage<ScalerResult> poll(String requested) {
    Request eval = Request.cmd(Command.EVAL).arg(LENGTH_SCRIPT).arg(1).arg(config.listName());
    return RedisCalls.send(lease.client(), eval, "list length of " + config.listName())
        .thenApply(
            r -> {
              long length = RedisCalls.toLong(r, "list length of " + config.listName());
              return ScalerResult.of(
                  MetricValue.ofCount(requested, length), length > config.activationListLength());
            });
  }

  @Override
  public void close() {
    lease.close();
  }

  @Override
  public String toString() {
    return "RedisListScaler[" + metricName + "]";
  }
}
