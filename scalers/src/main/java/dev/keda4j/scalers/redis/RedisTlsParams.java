package dev.keda4j.scalers.redis;

import static dev.keda4j.scalers.config.Source.AUTH_PARAMS;

import dev.keda4j.scalers.config.ConfigError;
import dev.keda4j.scalers.config.ConfigStrings;
import dev.keda4j.scalers.config.Param;
import dev.keda4j.scalers.config.TlsConfig;
import dev.keda4j.scalers.config.ValidatedConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Redis TLS parameters: {@code enableTLS} and {@code unsafeSsl} in the trigger, {@code tls}
 * (enable/disable) and the PEM material in the TriggerAuthentication.
 *
 * @param enableTls {@code enableTLS} (metadata), null if unset
 * @param tls {@code tls} (auth params): {@code enable} or {@code disable}
 * @param unsafeSsl skip certificate verification
 * @param cert client certificate PEM
 * @param key client key PEM
 * @param keyPassword password of an encrypted client key
 * @param ca CA PEM
 */
public record RedisTlsParams(
    @Param(name = "enableTLS", optional = true) Boolean enableTls,
    @Param(name = "tls", order = AUTH_PARAMS, optional = true) String tls,
    @Param(name = "unsafeSsl", defaultValue = "false") boolean unsafeSsl,
    @Param(name = "cert;Cert", order = AUTH_PARAMS, optional = true) String cert,
    @Param(name = "key", order = AUTH_PARAMS, optional = true, sensitive = true) String key,
    @Param(name = "keyPassword", order = AUTH_PARAMS, optional = true, sensitive = true)
        String keyPassword,
    @Param(name = "ca", order = AUTH_PARAMS, optional = true) String ca)
    implements ValidatedConfig {

  @Override
  public List<ConfigError> validate() {
    List<ConfigError> errors = new ArrayList<>();
    if (enableTls != null && !tls.isEmpty()) {
      errors.add(
          new ConfigError(
              "tls",
              "unable to set `tls` in both ScaledObject and TriggerAuthentication together"));
    } else if (!tls.isEmpty() && !"enable".equals(tls) && !"disable".equals(tls)) {
      errors.add(new ConfigError("tls", "error incorrect TLS value given, got " + tls));
    }
    if (!keyPassword.isEmpty()) {
      // Vert.x PEM options take unencrypted PKCS#1/PKCS#8 keys only; refuse rather than ignore.
      errors.add(
          new ConfigError(
              "keyPassword", "keyPassword (encrypted client key) is not supported by keda4j yet"));
    }
    if (cert.isEmpty() != key.isEmpty()) {
      errors.add(new ConfigError("cert", "both cert and key must be provided for client TLS"));
    }
    return errors;
  }

  /** The resolved TLS settings. */
  public TlsConfig toTlsConfig() {
    boolean enabled = Boolean.TRUE.equals(enableTls) || "enable".equals(tls);
    return new TlsConfig(enabled, unsafeSsl, cert, key, keyPassword, ca);
  }

  @Override
  public String toString() {
    return ConfigStrings.describe(this);
  }
}
