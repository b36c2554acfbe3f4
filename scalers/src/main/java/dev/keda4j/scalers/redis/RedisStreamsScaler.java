package dev.keda4j.scalers.redis;

import dev.keda4j.scalers.spi.MetricSpec;
import dev.keda4j.scalers.spi.MetricTargetType;
import dev.keda4j.scalers.spi.MetricValue;
import dev.keda4j.scalers.spi.Scaler;
import dev.keda4j.scalers.spi.ScalerContext;
import dev.keda4j.scalers.spi.ScalerResult;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Stream length, pending entries or consumer-group lag (KEDA's {@code redis_streams_scaler}). */
public final class RedisStreamsScaler implements Scaler {
  private static final Pattern VERSION =
      Pattern.compile("^redis_version:(\\d+)", Pattern.MULTILINE);

  private final RedisStreamsConfig config;
  private final String metricName;
  private final MetricTargetType targetType;
  private final RedisClientPool.Lease lease;
  private volatile boolean versionChecked;

  RedisStreamsScaler(ScalerContext ctx, RedisStreamsConfig config, RedisClientPool.Lease lease) {
    this.config = config;
    this.metricName = ctx.metricName("redis-streams-" + config.stream());
    this.targetType = ctx.externalTargetType();
    this.lease = lease;
  }

  @Override
  public List<MetricSpec> metricSpecs() {
    return List.of(MetricSpec.external(metricName, targetType, config.target()));
  }

  @Override
  public CompletionStage<ScalerResult> poll(String requested) {
    CompletionStage<Long> count =
        switch (config.mode()) {
          case STREAM_LENGTH -> streamLength();
          case PENDING_ENTRIES -> pendingEntries();
          case LAG -> checkVersion().thenCompose(ok -> lag());
        };
    return count.thenApply(
        n -> ScalerResult.of(MetricValue.ofCount(requested, n), n > config.activationLagCount()));
  }

  private CompletionStage<Long> streamLength() {
    String what = "length of stream " + config.stream();
    return RedisCalls.send(lease.client(), Request.cmd(Command.XLEN).arg(config.stream()), what)
        .thenApply(r -> RedisCalls.toLong(r, what));
  }

  private CompletionStage<Long> pendingEntries() {
    String what = "pending entries of " + config.stream() + "/" + config.consumerGroup();
    Request req = Request.cmd(Command.XPENDING).arg(config.stream()).arg(config.consumerGroup());
    return RedisCalls.send(lease.client(), req, what)
        .thenApply(
            r -> {
              if (r == null || r.size() == 0) {
                throw new RedisScalerException("redis: unexpected reply for " + what);
              }
              return RedisCalls.toLong(r.get(0), what);
            });
  }

  private CompletionStage<Boolean> checkVersion() {
    if (versionChecked) {
      return CompletableFuture.completedFuture(true);
    }
    return RedisCalls.send(lease.client(), Request.cmd(Command.INFO).arg("server"), "INFO")
        .thenApply(
            r -> {
              requireLagSupport(r == null ? "" : r.toString());
              versionChecked = true;
              return true;
            });
  }

  /** KEDA's version check for lag mode. */
  static void requireLagSupport(String info) {
    Matcher m = VERSION.matcher(info);
    if (!m.find()) {
      throw new RedisScalerException("could not find Redis version");
    }
    if (Integer.parseInt(m.group(1)) < 7) {
      throw new RedisScalerException("redis version 7+ required for lag");
    }
  }

  private CompletionStage<Long> lag() {
    String what = "groups of stream " + config.stream();
    Request req = Request.cmd(Command.XINFO).arg("GROUPS").arg(config.stream());
    CompletableFuture<Long> out = new CompletableFuture<>();
    RedisCalls.send(lease.client(), req, what)
        .whenComplete(
            (r, err) -> {
              if (err != null) {
                if (String.valueOf(err.getMessage()).contains("no such key")) {
                  out.complete(0L); // KEDA: a missing stream has no lag
                } else {
                  out.completeExceptionally(err);
                }
                return;
              }
              Long groupLag;
              try {
                groupLag = findGroupLag(r, config.consumerGroup());
              } catch (RedisScalerException e) {
                out.completeExceptionally(e);
                return;
              }
              if (groupLag != null) {
                out.complete(groupLag);
              } else {
                streamLength().whenComplete((n, e2) -> complete(out, n, e2));
              }
            });
    return out;
  }

  private static void complete(CompletableFuture<Long> out, Long value, Throwable err) {
    if (err != null) {
      out.completeExceptionally(err);
    } else {
      out.complete(value);
    }
  }

  /**
   * The lag of {@code group} in an {@code XINFO GROUPS} reply (RESP3 maps or RESP2 flat arrays);
   * null if the group is not there. A null lag (Redis cannot tell) reads as 0, like go-redis.
   */
  static Long findGroupLag(Response groups, String group) {
    if (groups == null) {
      return null;
    }
    for (Response g : groups) {
      Response name = field(g, "name");
      if (name != null && group.equals(name.toString())) {
        Response lag = field(g, "lag");
        return lag == null || lag.toLong() == null ? 0L : lag.toLong();
      }
    }
    return null;
  }

  private static Response field(Response entry, String key) {
    if (entry.isMap()) {
      return entry.get(key);
    }
    for (int i = 0; i + 1 < entry.size(); i += 2) {
      if (key.equals(String.valueOf(entry.get(i)))) {
        return entry.get(i + 1);
      }
    }
    return null;
  }

  @Override
  public void close() {
    lease.close();
  }

  @Override
  public String toString() {
    return "RedisStreamsScaler[" + metricName + ", " + config.mode() + "]";
  }
}
