package dev.keda4j.scalers.sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import javax.sql.DataSource;

/**
 * Runs a scaler's query on the blocking pool and reads the first column of the first row as a
 * number. Every failure completes the stage exceptionally with {@link SqlQueryException}.
 */
public final class SqlQueryRunner {
  private final DataSource dataSource;
  private final String query;
  private final int timeoutSeconds;
  private final ExecutorService blockingPool;
  private final String errorPrefix;
  private final String password;

  /**
   * @param errorPrefix KEDA's message prefix, e.g. {@code could not query postgreSQL}
   * @param password removed from driver messages, should a driver ever echo it
   */
  public SqlQueryRunner(
      DataSource dataSource,
      String query,
      Duration timeout,
      ExecutorService blockingPool,
      String errorPrefix,
      String password) {
    this.dataSource = dataSource;
    this.query = query;
    // JDBC query timeouts are whole seconds; rounding up keeps a sub-second timeout non-zero.
    this.timeoutSeconds = (int) Math.max(1, (timeout.toMillis() + 999) / 1000);
    this.blockingPool = blockingPool;
    this.errorPrefix = errorPrefix;
    this.password = password == null ? "" : password;
  }

  /** The query's value, or a failed stage. */
  public CompletionStage<Double> run() {
    return CompletableFuture.supplyAsync(this::runBlocking, blockingPool);
  }

  private double runBlocking() {
    QueryValues.Result r;
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.setQueryTimeout(timeoutSeconds);
      s.setMaxRows(1);
      try (ResultSet rs = s.executeQuery(query)) {
        r = rs.next() ? QueryValues.toDouble(rs.getObject(1)) : noRows();
      }
    } catch (SQLException e) {
      throw new SqlQueryException(errorPrefix + ": " + scrub(describe(e)), e);
    }
    if (!r.ok()) {
      throw new SqlQueryException(errorPrefix + ": " + r.error());
    }
    return r.value();
  }

  private static QueryValues.Result noRows() {
    return QueryValues.Result.failure("query returned no rows");
  }

  /** HikariCP's timeout message hides the driver's reason in the cause. */
  private static String describe(SQLException e) {
    String m = String.valueOf(e.getMessage());
    Throwable cause = e.getCause();
    if (cause != null && cause.getMessage() != null && !m.contains(cause.getMessage())) {
      m = m + ": " + cause.getMessage();
    }
    return m;
  }

  private String scrub(String message) {
    return password.isEmpty() ? message : message.replace(password, "<redacted>");
  }
}
