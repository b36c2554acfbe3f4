package dev.keda4j.scalers.redis;

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
 * Connection parameters shared by every Redis scaler (scalers.md §3.1).
 *
 * @param addresses {@code address;addresses}: comma list of {@code host:port}
 * @param hosts {@code host;hosts}: parallel to {@code ports}
 * @param ports {@code port;ports}
 * @param username user name
 * @param password password (secret)
 * @param databaseIndex DB number (ignored by cluster)
 * @param sentinelUsername sentinel user name (redis-sentinel only)
 * @param sentinelPassword sentinel password (secret)
 * @param sentinelMaster sentinel master name
 * @param tls TLS parameters
 */
public record RedisConnectionParams(
    @Param(
            name = "address;addresses",
            order = {TRIGGER_METADATA, AUTH_PARAMS, RESOLVED_ENV},
            optional = true)
        List<String> addresses,
    @Param(
            name = "host;hosts",
            order = {TRIGGER_METADATA, RESOLVED_ENV, AUTH_PARAMS},
            optional = true)
        List<String> hosts,
    @Param(
            name = "port;ports",
            order = {TRIGGER_METADATA, RESOLVED_ENV, AUTH_PARAMS},
            optional = true)
        List<String> ports,
    @Param(
            name = "username",
            order = {TRIGGER_METADATA, RESOLVED_ENV, AUTH_PARAMS},
            optional = true)
        String username,
    @Param(
            name = "password",
            order = {TRIGGER_METADATA, RESOLVED_ENV, AUTH_PARAMS},
            optional = true,
            sensitive = true)
        String password,
    @Param(name = "databaseIndex", defaultValue = "0") int databaseIndex,
    @Param(
            name = "sentinelUsername",
            order = {TRIGGER_METADATA, AUTH_PARAMS, RESOLVED_ENV},
            optional = true)
        String sentinelUsername,
    @Param(
            name = "sentinelPassword",
            order = {TRIGGER_METADATA, AUTH_PARAMS, RESOLVED_ENV},
            optional = true,
            sensitive = true)
        String sentinelPassword,
    @Param(
            name = "sentinelMaster",
            order = {TRIGGER_METADATA, AUTH_PARAMS, RESOLVED_ENV},
            optional = true)
        String sentinelMaster,
    RedisTlsParams tls)
    implements ValidatedConfig {

  @Override
  public List<ConfigError> validate() {
    List<ConfigError> errors = new ArrayList<>();
    if (hosts.size() != ports.size()) {
      errors.add(
          new ConfigError(
              "host",
              "not enough hosts or ports given. number of hosts should be equal to the number of"
                  + " ports"));
    } else if (endpoints().isEmpty()) {
      errors.add(
          new ConfigError(
              "address",
              "no addresses or hosts given. address should be a comma separated list of host:port"
                  + " or set the host/port values"));
    }
    return errors;
  }

  /** {@code addresses} followed by each {@code host:port} pair (IPv6 hosts bracketed). */
  public List<String> endpoints() {
    List<String> out = new ArrayList<>();
    for (String a : addresses) {
      if (!a.isEmpty()) {
        out.add(a);
      }
    }
    if (hosts.size() == ports.size()) {
      for (int i = 0; i < hosts.size(); i++) {
        String h = hosts.get(i);
        out.add((h.contains(":") ? "[" + h + "]" : h) + ":" + ports.get(i));
      }
    }
    return List.copyOf(out);
  }

  @Override
  public String toString() {
    return ConfigStrings.describe(this);
  }
}
