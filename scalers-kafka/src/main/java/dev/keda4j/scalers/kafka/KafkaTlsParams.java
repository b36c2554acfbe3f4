package dev.keda4j.scalers.kafka;

import static dev.keda4j.scalers.config.Source.AUTH_PARAMS;
import static dev.keda4j.scalers.config.Source.TRIGGER_METADATA;

import dev.keda4j.scalers.config.ConfigStrings;
import dev.keda4j.scalers.config.Param;
import dev.keda4j.scalers.config.TlsConfig;

/**
 * Kafka TLS parameters (scalers.md §3.3); checked together with SASL in {@link KafkaConfig}.
 *
 * @param tls {@code enable} or {@code disable}
 * @param unsafeSsl skip server certificate and host name verification
 * @param ca CA PEM
 * @param cert client certificate PEM
 * @param key client key PEM (secret)
 * @param keyPassword password of an encrypted client key (secret)
 */
public record KafkaTlsParams(
    @Param(
            name = "tls",
            order = {TRIGGER_METADATA, AUTH_PARAMS},
            defaultValue = "disable")
        String tls,
    @Param(name = "unsafeSsl", defaultValue = "false") boolean unsafeSsl,
    @Param(name = "ca", order = AUTH_PARAMS, optional = true) String ca,
    @Param(name = "cert", order = AUTH_PARAMS, optional = true) String cert,
    @Param(name = "key", order = AUTH_PARAMS, optional = true, sensitive = true) String key,
    @Param(name = "keyPassword", order = AUTH_PARAMS, optional = true, sensitive = true)
        String keyPassword) {

  public boolean enabled() {
    return "enable".equals(tls);
  }

  /** The resolved TLS settings. */
  public TlsConfig toTlsConfig() {
    return new TlsConfig(enabled(), unsafeSsl, cert, key, keyPassword, ca);
  }

  @Override
  public String toString() {
    return ConfigStrings.describe(this);
  }
}
