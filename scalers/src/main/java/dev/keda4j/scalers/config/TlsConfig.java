package dev.keda4j.scalers.config;

/**
 * Resolved client TLS settings, shared by every source that speaks TLS (Redis, Kafka, RabbitMQ,
 * ...). Each scaler maps its own parameters onto it; {@code dev.keda4j.scalers.common.VertxTls}
 * turns it into Vert.x client options.
 *
 * @param enabled TLS on
 * @param unsafeSsl skip server certificate and host name verification
 * @param cert client certificate (PEM content), "" if none
 * @param key client private key (PEM content), "" if none — secret
 * @param keyPassword password of an encrypted key, "" if none — secret
 * @param ca CA certificate(s) to trust (PEM content), "" for the JVM defaults
 */
public record TlsConfig(
    boolean enabled, boolean unsafeSsl, String cert, String key, String keyPassword, String ca) {
  public static final TlsConfig DISABLED = new TlsConfig(false, false, "", "", "", "");

  public TlsConfig {
    cert = cert == null ? "" : cert;
    key = key == null ? "" : key;
    keyPassword = keyPassword == null ? "" : keyPassword;
    ca = ca == null ? "" : ca;
  }

  public boolean hasClientCert() {
    return !cert.isEmpty() && !key.isEmpty();
  }

  @Override
  public String toString() {
    return "TlsConfig[enabled="
        + enabled
        + ", unsafeSsl="
        + unsafeSsl
        + ", cert="
        + (cert.isEmpty() ? "" : "<pem>")
        + ", key="
        + ConfigStrings.mask(key)
        + ", keyPassword="
        + ConfigStrings.mask(keyPassword)
        + ", ca="
        + (ca.isEmpty() ? "" : "<pem>")
        + "]";
  }
}
