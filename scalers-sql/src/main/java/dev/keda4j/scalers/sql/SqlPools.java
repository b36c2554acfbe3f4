package dev.keda4j.scalers.sql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.keda4j.scalers.common.RefCountedPool;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * Small HikariCP pools shared by every SQL scaler with the same target and credentials, held in
 * {@code ScalerRuntime.shared}: many triggers on one database should not each hold connections.
 */
public final class SqlPools implements AutoCloseable {
  /** Polls are sequential per trigger; two connections let a slow query not block a sibling. */
  static final int MAX_CONNECTIONS = 2;

  /** HikariCP rejects connection timeouts below 250 ms. */
  private static final long MIN_TIMEOUT_MILLIS = 250;

  private static final AtomicInteger POOL_NUMBERS = new AtomicInteger();

  private final RefCountedPool<PoolKey, HikariDataSource> pools =
      new RefCountedPool<>(HikariDataSource::close);

  /** The timeout is part of the key because it is baked into the pool's configuration. */
  private record PoolKey(JdbcTarget target, long timeoutMillis) {}

  /** A scaler's share of a pool. */
  public static final class Lease implements AutoCloseable {
    private final RefCountedPool<PoolKey, HikariDataSource>.Lease lease;

    private Lease(RefCountedPool<PoolKey, HikariDataSource>.Lease lease) {
      this.lease = lease;
    }

    public DataSource dataSource() {
      return lease.value();
    }

    /** Idempotent; the last share closes the pool. */
    @Override
    public void close() {
      lease.close();
    }
  }

  /**
   * A share of the pool for {@code target}; creating it opens no connection, so a database that is
   * down surfaces as failed polls rather than a failed build.
   */
  public Lease lease(JdbcTarget target, Duration timeout) {
    long millis = Math.max(MIN_TIMEOUT_MILLIS, timeout.toMillis());
    return new Lease(pools.acquire(new PoolKey(target, millis), k -> open(k.target(), millis)));
  }

  /** Distinct open pools. */
  public int size() {
    return pools.size();
  }

  private static HikariDataSource open(JdbcTarget target, long timeoutMillis) {
    HikariConfig c = new HikariConfig();
    // Named by number: the URL or user would leak into thread names and logs.
    c.setPoolName("keda4j-sql-" + POOL_NUMBERS.incrementAndGet());
    c.setJdbcUrl(target.jdbcUrl());
    if (!target.user().isEmpty()) {
      c.setUsername(target.user());
    }
    if (!target.password().isEmpty()) {
      c.setPassword(target.password());
    }
    target.properties().forEach(c::addDataSourceProperty);
    c.setMaximumPoolSize(MAX_CONNECTIONS);
    c.setMinimumIdle(0);
    c.setConnectionTimeout(timeoutMillis);
    c.setValidationTimeout(timeoutMillis);
    c.setInitializationFailTimeout(-1);
    c.setReadOnly(true);
    return new HikariDataSource(c);
  }

  @Override
  public void close() {
    pools.close();
  }
}
