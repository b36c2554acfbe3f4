package dev.keda4j.adapter.auth;

import dev.keda4j.adapter.tls.Pem;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The data of ConfigMap {@code kube-system/extension-apiserver-authentication}, which the
 * kube-apiserver publishes for aggregated API servers. List values are JSON arrays of strings.
 *
 * @param clientCa {@code client-ca-file} (empty if absent)
 * @param requestHeader the front-proxy settings, or null when {@code requestheader-client-ca-file}
 *     is absent
 */
public record ExtensionApiserverAuthentication(
    List<X509Certificate> clientCa, RequestHeaderConfig requestHeader) {
  public ExtensionApiserverAuthentication {
    clientCa = List.copyOf(clientCa);
  }

  /**
   * Parses the ConfigMap's data.
   *
   * @throws IllegalArgumentException naming the key that does not parse
   */
  public static ExtensionApiserverAuthentication parse(Map<String, String> data) {
    List<X509Certificate> clientCa = certificates(data, "client-ca-file");
    String frontProxyCa = data.get("requestheader-client-ca-file");
    if (frontProxyCa == null || frontProxyCa.isBlank()) {
      return new ExtensionApiserverAuthentication(clientCa, null);
    }
    return new ExtensionApiserverAuthentication(
        clientCa,
        new RequestHeaderConfig(
            certificates(data, "requestheader-client-ca-file"),
            strings(data, "requestheader-allowed-names"),
            strings(data, "requestheader-username-headers"),
            strings(data, "requestheader-uid-headers"),
            strings(data, "requestheader-group-headers"),
            strings(data, "requestheader-extra-headers-prefix")));
  }

  private static List<X509Certificate> certificates(Map<String, String> data, String key) {
    String pem = data.get(key);
    if (pem == null || pem.isBlank()) {
      return List.of();
    }
    try {
      List<X509Certificate> certs = Pem.certificates(pem);
      if (certs.isEmpty()) {
        throw new IllegalArgumentException(key + ": no certificate found");
      }
      return certs;
    } catch (IOException e) {
      throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
    }
  }

  private static List<String> strings(Map<String, String> data, String key) {
    String json = data.get(key);
    if (json == null || json.isBlank() || "null".equals(json.trim())) {
      return List.of();
    }
    try {
      List<String> values = new ArrayList<>();
      for (Object o : new JsonArray(json)) {
        values.add(String.valueOf(o));
      }
      return values;
    } catch (DecodeException e) {
      throw new IllegalArgumentException(key + ": not a JSON array of strings", e);
    }
  }
}
