package dev.keda4j.scalers.mysql;

import static dev.keda4j.scalers.config.Source.AUTH_PARAMS;
import static dev.keda4j.scalers.config.Source.RESOLVED_ENV;
import static dev.keda4j.scalers.config.Source.TRIGGER_METADATA;

import dev.keda4j.scalers.config.ConfigError;
import dev.keda4j.scalers.config.ConfigStrings;
import dev.keda4j.scalers.config.Param;
import dev.keda4j.scalers.config.ValidatedConfig;
import java.util.List;
import java.util.Map;

/**
 * {@code mysql} (scalers.md §3.9).
 *
 * @param query the query; its first column of the first row is the metric
 * @param queryValue target
 * @param activationQueryValue activation threshold
 * @param connectionString a go-sql-driver DSN {@code user:pass@tcp(host:port)/db} — secret
 * @param username user, when no connection string
 * @param password password, when no connection string — secret
 * @param host host, when no connection string
 * @param port port, when no connection string
 * @param dbName database, when no connection string (replaced by the DSN's database part if given)
 * @param metricName accepted and ignored, as in KEDA
 */
public record MysqlConfig(
    @Param(name = "query") String query,
    @Param(name = "queryValue") double queryValue,
    @Param(name = "activationQueryValue", defaultValue = "0") double activationQueryValue,
    @Param(
            name = "connectionString",
            order = {AUTH_PARAMS, RESOLVED_ENV},
            optional = true,
            sensitive = true)
        String connectionString,
    @Param(
            name = "username",
            order = {TRIGGER_METADATA, AUTH_PARAMS, RESOLVED_ENV},
            optional = true)
        String username,
    @Param(
            name = "password",
            order = {AUTH_PARAMS, RESOLVED_ENV},
            optional = true,
            sensitive = true)
        String password,
    @Param(
            name = "host",
            order = {TRIGGER_METADATA, AUTH_PARAMS},
            optional = true)
        String host,
    @Param(
            name = "port",
            order = {TRIGGER_METADATA, AUTH_PARAMS},
            optional = true)
        String port,
    @Param(
            name = "dbName",
            order = {TRIGGER_METADATA, AUTH_PARAMS},
            optional = true)
        String dbName,
    @Param(name = "metricName", optional = true) String metricName)
    implements ValidatedConfig {

  // KEDA leaves a bad DSN to the driver at connect time; caught here it fails the build.
  @Override
  public List<ConfigError> validate() {
    try {
      MysqlJdbcTargets.toJdbc(dsn());
      return List.of();
    } catch (IllegalArgumentException e) {
      return List.of(new ConfigError("connectionString", e.getMessage()));
    }
  }

  /** The DSN: {@code connectionString} parsed, or built from the fields like KEDA. */
  MysqlDsn dsn() {
    if (!connectionString.isEmpty()) {
      return MysqlDsn.parse(connectionString);
    }
    return MysqlDsn.of(username, password, "tcp", address(), dbName, Map.of());
  }

  /** {@code host:port}; missing parts are left to the DSN defaults (127.0.0.1, 3306). */
  private String address() {
    if (host.isEmpty() && port.isEmpty()) {
      return "";
    }
    String h = host.isEmpty() ? "127.0.0.1" : host;
    if (h.contains(":") && !h.startsWith("[")) {
      h = "[" + h + "]";
    }
    return port.isEmpty() ? h : h + ":" + port;
  }

  /**
   * The database part of the metric name: with a connection string, the text after its last {@code
   * /}, parameters included, as KEDA takes it.
   */
  String metricDbName() {
    if (connectionString.isEmpty()) {
      return dbName;
    }
    return connectionString.substring(connectionString.lastIndexOf('/') + 1);
  }

  @Override
  public String toString() {
    return ConfigStrings.describe(this);
  }
}
