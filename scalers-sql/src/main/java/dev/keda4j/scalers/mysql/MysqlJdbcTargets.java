package dev.keda4j.scalers.mysql;

import dev.keda4j.scalers.config.GoDuration;
import dev.keda4j.scalers.sql.JdbcTarget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Converts a go-sql-driver DSN to a MariaDB Connector/J target. DSN parameters that configure the
 * Go driver map to the connector's options; the rest are, as in go-sql-driver, session variables.
 */
public final class MysqlJdbcTargets {
  /**
   * Go driver knobs with no effect on a single numeric query, or handled by the connector anyway.
   */
  private static final Set<String> IGNORED =
      Set.of(
          "allowAllFiles",
          "allowCleartextPasswords",
          "allowFallbackToPlaintext",
          "allowNativePasswords",
          "allowOldPasswords",
          "charset",
          "checkConnLiveness",
          "clientFoundRows",
          "collation",
          "columnsWithAlias",
          "interpolateParams",
          "loc",
          "maxAllowedPacket",
          "multiStatements",
          "parseTime",
          "rejectReadOnly",
          "serverPubKey",
          "writeTimeout",
          "connectionAttributes");

  private static final Map<String, String> TLS_MODES =
      Map.of(
          "true", "verify-full",
          "verify", "verify-full",
          "skip-verify", "trust",
          "preferred", "trust",
          "false", "disable");

  private MysqlJdbcTargets() {}

  /**
   * @throws IllegalArgumentException for a parameter the connector cannot honour
   */
  public static JdbcTarget toJdbc(MysqlDsn dsn) {
    Map<String, String> props = new TreeMap<>();
    List<String> sessionVariables = new ArrayList<>();
    for (Map.Entry<String, String> e : dsn.params().entrySet()) {
      String key = e.getKey();
      String value = e.getValue();
      switch (key) {
        case "tls" -> props.put("sslMode", tlsMode(value));
        case "timeout" -> props.put("connectTimeout", millis(key, value));
        case "readTimeout" -> props.put("socketTimeout", millis(key, value));
        default -> {
          if (!IGNORED.contains(key)) {
            sessionVariables.add(key + "=" + value);
          }
        }
      }
    }
    if (!sessionVariables.isEmpty()) {
      props.put("sessionVariables", String.join(",", sessionVariables));
    }
    String hostPort = "localhost";
    if (dsn.net().equals("unix")) {
      props.put("localSocket", dsn.address());
    } else {
      hostPort = dsn.address();
    }
    String url = "jdbc:mariadb://" + hostPort + "/" + dsn.dbName();
    return new JdbcTarget(url, dsn.user(), dsn.password(), props);
  }

  private static String tlsMode(String value) {
    String mode = TLS_MODES.get(value.toLowerCase(Locale.ROOT));
    if (mode == null) {
      throw new IllegalArgumentException(
          "tls="
              + value
              + ": registered TLS configs are not supported, use true, skip-verify,"
              + " preferred or false");
    }
    return mode;
  }

  private static String millis(String key, String value) {
    Duration d;
    try {
      d = GoDuration.parse(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid DSN: invalid duration for " + key, e);
    }
    return Long.toString(d.toMillis());
  }
}
