package dev.keda4j.testkit.sources;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Shared part of the SQL fixtures: parse a JDBC URL, create a unique database per fixture instance
 * (i.e. per test class) and drop it afterwards.
 */
public abstract class JdbcFixture extends AbstractFixture {
  private final String serverUrl;
  private final String envVar;
  private final String service;
  private final String startCommand;
  private final URI parsed;
  private final String database = Sources.uniqueName("k4j_");

  protected JdbcFixture(String serverUrl, String envVar, String service, String startCommand) {
    this.serverUrl = serverUrl;
    this.envVar = envVar;
    this.service = service;
    this.startCommand = startCommand;
    this.parsed = URI.create(serverUrl.substring("jdbc:".length()));
  }

  protected abstract String dropDatabaseSql(String db);

  protected abstract int defaultPort();

  @Override
  protected void doStart() {
    try (Connection c = DriverManager.getConnection(serverUrl);
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + database);
    } catch (SQLException e) {
      throw SourceUnavailableException.of(service, host() + ":" + port(), envVar, startCommand, e);
    }
    onClose(this::dropDatabase);
  }

  private void dropDatabase() throws SQLException {
    try (Connection c = DriverManager.getConnection(serverUrl);
        Statement s = c.createStatement()) {
      s.execute(dropDatabaseSql(database));
    }
  }

  @Override
  protected void doClose() {}

  /** The URL given (server level, no database of ours). */
  public String serverUrl() {
    return serverUrl;
  }

  /** The unique database created for this fixture, e.g. {@code k4j_a1b2c3d4e5}. */
  public String database() {
    return database;
  }

  /** JDBC URL of {@link #database()} with the original query (user, options). */
  public String jdbcUrl() {
    requireStarted();
    String q = parsed.getRawQuery();
    return "jdbc:"
        + parsed.getScheme()
        + "://"
        + host()
        + ":"
        + port()
        + "/"
        + database
        + (q == null ? "" : "?" + q);
  }

  /** A new connection to {@link #database()}; the caller closes it. */
  public Connection connection() throws SQLException {
    return DriverManager.getConnection(jdbcUrl());
  }

  /** Runs statements in {@link #database()}. */
  public void execute(String... sql) throws SQLException {
    try (Connection c = connection();
        Statement s = c.createStatement()) {
      for (String q : sql) {
        s.execute(q);
      }
    }
  }

  public String host() {
    return parsed.getHost();
  }

  public int port() {
    return parsed.getPort() < 0 ? defaultPort() : parsed.getPort();
  }

  /** The {@code user} query parameter (default root for MariaDB, postgres for PostgreSQL). */
  public String user() {
    return param("user", defaultUser());
  }

  /** The {@code password} query parameter, empty when absent. */
  public String password() {
    return param("password", "");
  }

  protected abstract String defaultUser();

  private String param(String name, String fallback) {
    String q = parsed.getQuery();
    if (q != null) {
      for (String kv : q.split("&")) {
        int eq = kv.indexOf('=');
        if (eq > 0 && kv.substring(0, eq).equals(name)) {
          return kv.substring(eq + 1);
        }
      }
    }
    return fallback;
  }
}
