package dev.keda4j.scalers.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The Admin client properties for a trigger: bootstrap servers, timeouts bounded by the scaler's
 * timeout, and the security settings mapped from KEDA's {@code tls}/{@code sasl} parameters. Values
 * may hold secrets: never print the map.
 */
public final class KafkaClientProperties {
  static final String JAAS = "sasl.jaas.config";
  private static final long MAX_CONNECT_TIMEOUT_MS = 10_000;

  private KafkaClientProperties() {}

  /**
   * The properties for {@code config}.
   *
   * @param timeout the poll timeout: every Admin request and API call gives up after it
   */
  public static Map<String, String> of(KafkaConfig config, Duration timeout) {
    Map<String, String> p = new TreeMap<>();
    p.put("bootstrap.servers", String.join(",", config.bootstrapServers()));
    long ms = Math.max(1, timeout.toMillis());
    p.put("request.timeout.ms", Long.toString(ms));
    p.put("default.api.timeout.ms", Long.toString(ms));
    String connect = Long.toString(Math.min(ms, MAX_CONNECT_TIMEOUT_MS));
    p.put("socket.connection.setup.timeout.ms", connect);
    p.put("socket.connection.setup.timeout.max.ms", connect);
    KafkaTlsParams tls = config.tls();
    KafkaSaslParams sasl = config.sasl();
    p.put("security.protocol", protocol(tls.enabled(), sasl.enabled()));
    if (tls.enabled()) {
      putTls(p, tls);
    }
    if (sasl.enabled()) {
      putSasl(p, sasl);
    }
    return p;
  }

  private static String protocol(boolean tls, boolean sasl) {
    if (sasl) {
      return tls ? "SASL_SSL" : "SASL_PLAINTEXT";
    }
    return tls ? "SSL" : "PLAINTEXT";
  }

  private static void putTls(Map<String, String> p, KafkaTlsParams tls) {
    if (!tls.ca().isEmpty()) {
      p.put("ssl.truststore.type", "PEM");
      p.put("ssl.truststore.certificates", tls.ca());
    }
    if (!tls.cert().isEmpty() && !tls.key().isEmpty()) {
      p.put("ssl.keystore.type", "PEM");
      p.put("ssl.keystore.certificate.chain", tls.cert());
      p.put("ssl.keystore.key", tls.key());
      if (!tls.keyPassword().isEmpty()) {
        p.put("ssl.key.password", tls.keyPassword());
      }
    }
    if (tls.unsafeSsl()) {
      p.put("ssl.endpoint.identification.algorithm", "");
    }
  }

  private static void putSasl(Map<String, String> p, KafkaSaslParams sasl) {
    switch (sasl.sasl()) {
      case "plaintext" -> {
        p.put("sasl.mechanism", "PLAIN");
        p.put(
            JAAS, credentialsJaas("org.apache.kafka.common.security.plain.PlainLoginModule", sasl));
      }
      case "scram_sha256", "scram_sha512" -> {
        p.put(
            "sasl.mechanism",
            "scram_sha256".equals(sasl.sasl()) ? "SCRAM-SHA-256" : "SCRAM-SHA-512");
        p.put(
            JAAS, credentialsJaas("org.apache.kafka.common.security.scram.ScramLoginModule", sasl));
      }
      case "oauthbearer" -> putOauthBearer(p, sasl);
      case "gssapi" -> {
        p.put("sasl.mechanism", "GSSAPI");
        p.put("sasl.kerberos.service.name", sasl.kerberosServiceName());
      }
      default -> throw new IllegalArgumentException("unknown sasl mode " + sasl.sasl());
    }
  }

  private static String credentialsJaas(String module, KafkaSaslParams sasl) {
    return module
        + " required username="
        + quote(sasl.username())
        + " password="
        + quote(sasl.password())
        + ";";
  }

  private static void putOauthBearer(Map<String, String> p, KafkaSaslParams sasl) {
    p.put("sasl.mechanism", "OAUTHBEARER");
    p.put(
        "sasl.login.callback.handler.class",
        "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginCallbackHandler");
    p.put("sasl.oauthbearer.token.endpoint.url", sasl.oauthTokenEndpointUri());
    StringBuilder jaas =
        new StringBuilder("org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule")
            .append(" required clientId=")
            .append(quote(sasl.username()))
            .append(" clientSecret=")
            .append(quote(sasl.password()));
    if (!sasl.scopes().isEmpty()) {
      jaas.append(" scope=").append(quote(String.join(" ", sasl.scopes())));
    }
    String extensions =
        sasl.oauthExtensions().entrySet().stream()
            .map(e -> " extension_" + e.getKey() + "=" + quote(e.getValue()))
            .collect(Collectors.joining());
    p.put(JAAS, jaas.append(extensions).append(';').toString());
  }

  /** A JAAS option value: quotes and backslashes escaped so a password cannot end the entry. */
  static String quote(String v) {
    return '"' + v.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  /** The properties with every secret-bearing value masked, for logs and messages. */
  public static Map<String, String> redacted(Map<String, String> props) {
    Map<String, String> out = new TreeMap<>(props);
    for (String k : out.keySet()) {
      if (k.equals(JAAS) || k.equals("ssl.keystore.key") || k.equals("ssl.key.password")) {
        out.put(k, "<redacted>");
      }
    }
    return out;
  }
}
