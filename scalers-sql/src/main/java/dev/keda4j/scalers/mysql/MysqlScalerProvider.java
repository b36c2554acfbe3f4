package dev.keda4j.scalers.mysql;

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

/** {@code mysql}: the first column of the first row of a query (scalers.md §3.9). */
public final class MysqlScalerProvider implements ScalerProvider<MysqlConfig> {
  static final String TYPE = "mysql";
  static final String ERROR_PREFIX = "could not query MySQL";

  @Override
  public Set<String> triggerTypes() {
    return Set.of(TYPE);
  }

  @Override
  public Class<MysqlConfig> configType() {
    return MysqlConfig.class;
  }

  @Override
  public Scaler create(ScalerContext ctx, MysqlConfig config, ScalerRuntime runtime)
      throws ConfigException {
    Duration timeout = ctx.globalHttpTimeout();
    JdbcTarget target;
    try {
      target = withTimeouts(MysqlJdbcTargets.toJdbc(config.dsn()), timeout);
    } catch (IllegalArgumentException e) {
      throw ConfigException.single(ctx.triggerType(), "connectionString", e.getMessage());
    }
    SqlPools.Lease lease = runtime.shared(SqlPools.class, SqlPools::new).lease(target, timeout);
    SqlQueryRunner runner =
        new SqlQueryRunner(
            lease.dataSource(),
            config.query(),
            timeout,
            runtime.blockingPool(),
            ERROR_PREFIX,
            target.password());
    return new SqlQueryScaler(
        ctx.metricName(metricBase(config)),
        ctx.externalTargetType(),
        config.queryValue(),
        config.activationQueryValue(),
        runner,
        lease);
  }

  /** {@code mysql-<dbName>}, normalised later into the metric name. */
  static String metricBase(MysqlConfig config) {
    return "mysql-" + config.metricDbName();
  }

  /**
   * The connector waits forever by default; a poll must fail within the timeout. The socket timeout
   * is longer than the query timeout so the server-side kill reports first.
   */
  static JdbcTarget withTimeouts(JdbcTarget target, Duration timeout) {
    long millis = Math.max(250, timeout.toMillis());
    return target
        .withDefaultProperty("connectTimeout", Long.toString(millis))
        .withDefaultProperty("socketTimeout", Long.toString(millis * 2 + 1000));
  }
}
