package dev.keda4j.scalers.sql;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Where a SQL scaler connects: a JDBC URL without credentials, the credentials, and driver
 * properties. Also the key under which scalers share a connection pool, so it prints no password.
 *
 * @param jdbcUrl JDBC URL without user or password
 * @param user the user ("" for the driver's default)
 * @param password the password, a secret ("" for none)
 * @param properties driver properties (no credentials)
 */
public record JdbcTarget(
    String jdbcUrl, String user, String password, Map<String, String> properties) {
  public JdbcTarget {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    user = Objects.requireNonNullElse(user, "");
    password = Objects.requireNonNullElse(password, "");
    properties = properties == null ? Map.of() : Map.copyOf(properties);
  }

  /** The same target with {@code name} set to {@code value} unless already present. */
  public JdbcTarget withDefaultProperty(String name, String value) {
    if (properties.containsKey(name)) {
      return this;
    }
    Map<String, String> p = new TreeMap<>(properties);
    p.put(name, value);
    return new JdbcTarget(jdbcUrl, user, password, p);
  }

  @Override
  public String toString() {
    return "JdbcTarget["
        + jdbcUrl
        + ", user="
        + user
        + ", password="
        + (password.isEmpty() ? "" : "<redacted>")
        + ", properties="
        + new TreeMap<>(properties)
        + "]";
  }
}
