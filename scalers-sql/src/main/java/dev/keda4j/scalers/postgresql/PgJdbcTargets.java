package dev.keda4j.scalers.postgresql;

import dev.keda4j.scalers.sql.JdbcTarget;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Converts a libpq connection string (keyword/value or URI) to a pgjdbc target: hosts, ports and
 * database in the URL; credentials apart; the other keywords as pgjdbc properties. Keywords pgjdbc
 * has no property for become server settings ({@code options=-c k=v}), as pgx sends them.
 */
public final class PgJdbcTargets {
  static final Set<String> SSL_MODES =
      Set.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");

  /** libpq keyword → pgjdbc property, where only the name differs or nothing changes. */
  private static final Map<String, String> RENAMED =
      Map.of(
          "sslmode", "sslmode",
          "sslrootcert", "sslrootcert",
          "sslcert", "sslcert",
          "sslkey", "sslkey",
          "sslpassword", "sslpassword",
          "connect_timeout", "connectTimeout",
          "application_name", "ApplicationName");

  private static final Map<String, String> TARGET_SERVER_TYPES =
      Map.of(
          "any", "any",
          "read-write", "primary",
          "primary", "primary",
          "read-only", "secondary",
          "standby", "secondary",
          "prefer-standby", "preferSecondary");

  private static final Set<String> IN_URL = Set.of("host", "hostaddr", "port", "dbname");

  private PgJdbcTargets() {}

  /**
   * @throws IllegalArgumentException for a malformed string or a value pgjdbc cannot use; the
   *     message quotes no value of the password
   */
  public static JdbcTarget fromConnectionString(String conninfo) {
    return fromKeywords(LibpqConnInfo.parse(conninfo));
  }

  static JdbcTarget fromKeywords(Map<String, String> kw) {
    String user = kw.getOrDefault("user", "");
    String url = "jdbc:postgresql://" + hostList(kw) + "/" + encode(database(kw, user));
    Map<String, String> props = new TreeMap<>();
    List<String> serverSettings = new ArrayList<>();
    for (Map.Entry<String, String> e : kw.entrySet()) {
      String key = e.getKey();
      String value = e.getValue();
      if (IN_URL.contains(key) || key.equals("user") || key.equals("password")) {
        continue;
      }
      if (key.equals("sslmode") && !SSL_MODES.contains(value)) {
        throw new IllegalArgumentException("invalid sslmode value: \"" + value + "\"");
      }
      if (RENAMED.containsKey(key)) {
        props.put(RENAMED.get(key), value);
      } else if (key.equals("options")) {
        serverSettings.add(0, value);
      } else if (key.equals("target_session_attrs")) {
        props.put("targetServerType", targetServerType(value));
      } else {
        serverSettings.add("-c " + key + "=" + escapeOption(value));
      }
    }
    if (!serverSettings.isEmpty()) {
      props.put("options", String.join(" ", serverSettings));
    }
    return new JdbcTarget(url, user, kw.getOrDefault("password", ""), props);
  }

  private static String hostList(Map<String, String> kw) {
    String hostValue = kw.getOrDefault("host", kw.getOrDefault("hostaddr", ""));
    String[] hosts = (hostValue.isEmpty() ? "localhost" : hostValue).split(",", -1);
    String[] ports = kw.getOrDefault("port", "").split(",", -1);
    if (ports.length != 1 && ports.length != hosts.length) {
      throw new IllegalArgumentException(
          "could not match " + ports.length + " port numbers to " + hosts.length + " hosts");
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < hosts.length; i++) {
      String host = hosts[i].isEmpty() ? "localhost" : hosts[i];
      if (host.startsWith("/")) {
        throw new IllegalArgumentException("unix-domain sockets are not supported: " + host);
      }
      String port = ports.length == 1 ? ports[0] : ports[i];
      out.add(bracketIpv6(host) + ":" + port(port));
    }
    return String.join(",", out);
  }

  private static String port(String port) {
    if (port.isEmpty()) {
      return "5432";
    }
    try {
      int p = Integer.parseInt(port);
      if (p > 0 && p < 65536) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below like libpq
    }
    throw new IllegalArgumentException("invalid port number: \"" + port + "\"");
  }

  private static String bracketIpv6(String host) {
    return host.contains(":") ? "[" + host + "]" : host;
  }

  /** libpq's default database is the user name. */
  private static String database(Map<String, String> kw, String user) {
    String db = kw.getOrDefault("dbname", "");
    return db.isEmpty() ? user : db;
  }

  private static String targetServerType(String attrs) {
    String t = TARGET_SERVER_TYPES.get(attrs);
    if (t == null) {
      throw new IllegalArgumentException("invalid target_session_attrs value: \"" + attrs + "\"");
    }
    return t;
  }

  /** In {@code options}, blanks and backslashes inside a value are escaped with a backslash. */
  private static String escapeOption(String value) {
    return value.replace("\\", "\\\\").replace(" ", "\\ ");
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
