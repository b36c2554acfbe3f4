package dev.keda4j.controller.scaling.resolve;

import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Secret;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Key/value content of Secrets and ConfigMaps as strings. */
public final class ObjectData {
  private ObjectData() {}

  /**
   * A Secret's {@code data} (client-java has already base64-decoded it to bytes; read as UTF-8)
   * merged with {@code stringData}, which wins on a clash as it does on the API server. Manifests
   * read from files often only have {@code stringData}; a Secret read from the API server never has
   * it.
   */
  public static Map<String, String> of(V1Secret secret) {
    Map<String, String> out = new LinkedHashMap<>();
    if (secret.getData() != null) {
      secret
          .getData()
          .forEach((k, v) -> out.put(k, v == null ? "" : new String(v, StandardCharsets.UTF_8)));
    }
    if (secret.getStringData() != null) {
      secret.getStringData().forEach((k, v) -> out.put(k, v == null ? "" : v));
    }
    return out;
  }

  /** A ConfigMap's {@code data} ({@code binaryData} is not used, as in KEDA). */
  public static Map<String, String> of(V1ConfigMap configMap) {
    Map<String, String> out = new LinkedHashMap<>();
    if (configMap.getData() != null) {
      configMap.getData().forEach((k, v) -> out.put(k, v == null ? "" : v));
    }
    return out;
  }
}
