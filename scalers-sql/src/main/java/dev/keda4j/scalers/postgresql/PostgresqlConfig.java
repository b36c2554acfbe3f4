package dev.keda4j.scalers.postgresql;

import static dev.keda4j.scalers.config.Source.AUTH_PARAMS;
import static dev.keda4j.scalers.config.Source.RESOLVED_ENV;
import static dev.keda4j.scalers.config.Source.TRIGGER_METADATA;

import dev.keda4j.scalers.config.ConfigError;
import dev.keda4j.scalers.config.ConfigStrings;
import dev.keda4j.scalers.config.Param;
import dev.keda4j.scalers.config.ValidatedConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code postgresql} (scalers.md §3.8).
 *
 * @param query the query; its first column of the first row is the metric
 * @param targetQueryValue target; 0 means not given (required unless scalingModifiers)
 * @param activationTargetQueryValue activation threshold
 * @param connection a libpq connection string (keyword/value or URI) — secret
 * @param host host, when no connection string
 * @param port port, when no connection string
 * @param userName user, when no connection string
 * @param dbName database, when no connection string
 * @param sslmode sslmode, when no connection string
 * @param password password, when no connection string — secret
 */
public record PostgresqlConfig(
    @Param(name = "query") String query,
    @Param(name = "targetQueryValue", optional = true) double targetQueryValue,
    @Param(name = "activationTargetQueryValue", optional = true) double activationTargetQueryValue,
    @Param(
            name = "connection",
            order = {AUTH_PARAMS, RESOLVED_ENV},
            optional = true,
            sensitive = true)
        String connection,
    @Param(
            name = "host",
            order = {AUTH_PARAMS, TRIGGER_METADATA},
            optional = true)
        String host,
    @Param(
            name = "port",
            order = {AUTH_PARAMS, TRIGGER_METADATA},
            optional = true)
        String port,
    @Param(
            name = "userName",
            order = {AUTH_PARAMS, TRIGGER_METADATA},
            optional = true)
        String userName,
    @Param(
            name = "dbName",
            order = {AUTH_PARAMS, TRIGGER_METADATA},
            optional = true)
        String dbName,
    @Param(
            name = "sslmode",
            order = {AUTH_PARAMS, TRIGGER_METADATA},
            optional = true)
        String sslmode,
    @Param(
            name = "password",
            order = {AUTH_PARAMS, RESOLVED_ENV},
            optional = true,
            sensitive = true)
        String password)
    implements ValidatedConfig {

  static final String NO_TARGET = "no targetQueryValue given";

  @Override
  public List<ConfigError> validate() {
    if (!connection.isEmpty()) {
      return connectionErrors();
    }
    List<ConfigError> errors = new ArrayList<>();
    // KEDA stops at the first missing field.
    if (host.isEmpty()) {
      errors.add(new ConfigError("host", "no host given"));
    } else if (port.isEmpty()) {
      errors.add(new ConfigError("port", "no port given"));
    } else if (userName.isEmpty()) {
      errors.add(new ConfigError("userName", "no userName given"));
    } else if (dbName.isEmpty()) {
      errors.add(new ConfigError("dbName", "no dbName given"));
    } else if (sslmode.isEmpty()) {
      errors.add(new ConfigError("sslmode", "no sslmode given"));
    } else {
      errors.addAll(connectionErrors());
    }
    return errors;
  }

  // KEDA leaves a bad connection string to pgx at connect time; caught here it fails the build.
  private List<ConfigError> connectionErrors() {
    try {
      PgJdbcTargets.fromConnectionString(connectionString());
      return List.of();
    } catch (IllegalArgumentException e) {
      return List.of(new ConfigError("connection", e.getMessage()));
    }
  }

  /**
   * The libpq connection string: {@code connection}, or KEDA's {@code host=… port=… user=… dbname=…
   * sslmode=… password=…} built from the fields. Holds the password.
   */
  String connectionString() {
    if (!connection.isEmpty()) {
      return connection;
    }
    return "host="
        + LibpqConnInfo.quote(host)
        + " port="
        + LibpqConnInfo.quote(port)
        + " user="
        + LibpqConnInfo.quote(userName)
        + " dbname="
        + LibpqConnInfo.quote(dbName)
        + " sslmode="
        + LibpqConnInfo.quote(sslmode)
        + " password="
        + LibpqConnInfo.quote(password);
  }

  @Override
  public String toString() {
    return ConfigStrings.describe(this);
  }
}
