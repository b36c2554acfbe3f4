package dev.keda4j.scalers.postgresql;

import dev.keda4j.scalers.config.Bound;
import dev.keda4j.scalers.config.ConfigBinder;
import dev.keda4j.scalers.config.ConfigException;
import dev.keda4j.scalers.spi.Scaler;
import dev.keda4j.scalers.spi.ScalerContext;
import dev.keda4j.scalers.spi.ScalerProvider;
import dev.keda4j.scalers.spi.ScalerRuntime;
import dev.keda4j.scalers.sql.JdbcTarget;
import dev.keda4j.scalers.sql.SqlPools;
import dev.keda4j.scalers.sql.SqlQueryRunner;
import dev.keda4j.scalers.sql.SqlQueryScaler;
import java.time.Duration;
import java.util.Set;

/** {@code postgresql}: the first column of the first row of a query (scalers.md §3.8). */
public final class PostgresqlScalerProvider implements ScalerProvider<PostgresqlConfig> {
  static final String TYPE = "postgresql";
  static final String ERROR_PREFIX = "could not query postgreSQL";

  @Override
  public Set<String> triggerTypes() {
    return Set.of(TYPE);
  }

  @Override
  public Class<PostgresqlConfig> configType() {
    return PostgresqlConfig.class;
  }

  /** KEDA checks the target after binding, and only when scalingModifiers do not replace it. */
  @Override
  public Bound<PostgresqlConfig> bind(ScalerContext ctx) throws ConfigException {
    Bound<PostgresqlConfig> bound = ConfigBinder.bind(PostgresqlConfig.class, ctx);
    if (!ctx.asMetricSource() && bound.config().targetQueryValue() == 0) {
      throw ConfigException.single(
          ctx.triggerType(), "targetQueryValue", PostgresqlConfig.NO_TARGET);
    }
    return bound;
  }

  @Override
  public Scaler create(ScalerContext ctx, PostgresqlConfig config, ScalerRuntime runtime)
      throws ConfigException {
    Duration timeout = ctx.globalHttpTimeout();
    JdbcTarget target;
    try {
      target = withTimeouts(PgJdbcTargets.fromConnectionString(config.connectionString()), timeout);
    } catch (IllegalArgumentException e) {
      throw ConfigException.single(ctx.triggerType(), "connection", e.getMessage());
    }
    SqlPools pools = runtime.shared(SqlPools.class, SqlPools::new);
    SqlPools.Lease lease = pools.lease(target, timeout);
    SqlQueryRunner runner =
        new SqlQueryRunner(
            lease.dataSource(),
            config.query(),
            timeout,
            runtime.blockingPool(),
            ERROR_PREFIX,
            target.password());
    return new SqlQueryScaler(
        ctx.metricName(TYPE),
        ctx.externalTargetType(),
        config.targetQueryValue(),
        config.activationTargetQueryValue(),
        runner,
        lease);
  }

  /**
   * pgjdbc waits forever by default; a poll must fail within the timeout. The socket timeout is
   * longer than the query timeout so the server-side cancel reports first, with a clearer message.
   */
  static JdbcTarget withTimeouts(JdbcTarget target, Duration timeout) {
    long seconds = Math.max(1, (timeout.toMillis() + 999) / 1000);
    return target
        .withDefaultProperty("connectTimeout", Long.toString(seconds))
        .withDefaultProperty("loginTimeout", Long.toString(seconds))
        .withDefaultProperty("socketTimeout", Long.toString(seconds * 2));
  }
}
