package dev.keda4j.adapter.api;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Minimal, valid OpenAPI documents for the aggregator to merge: Swagger 2.0 at {@code /openapi/v2}
 * and OpenAPI 3.0 at {@code /openapi/v3/apis/external.metrics.k8s.io/v1beta1}, each with the
 * ExternalMetricValue(List) schemas. Built once; the hash is the ETag and the v3 {@code hash}.
 */
public final class OpenApiDocuments {
  public static final String V3_GROUP_PATH = "apis/" + DiscoveryDocuments.GROUP_VERSION;
  private static final String LIST =
      "io.k8s.metrics.pkg.apis.external_metrics.v1beta1.ExternalMetricValueList";
  private static final String VALUE =
      "io.k8s.metrics.pkg.apis.external_metrics.v1beta1.ExternalMetricValue";
  private static final String LIST_META = "io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta";
  private static final String METRIC_PATH =
      "/apis/" + DiscoveryDocuments.GROUP_VERSION + "/namespaces/{namespace}/{metric}";

  private final Buffer v2;
  private final String v2Hash;
  private final Buffer v3Group;
  private final String v3GroupHash;

  public OpenApiDocuments() {
    v2 = Buffer.buffer(swagger2().encode());
    v2Hash = sha512(v2);
    v3Group = Buffer.buffer(openApi3().encode());
    v3GroupHash = sha512(v3Group);
  }

  public Buffer v2() {
    return v2;
  }

  /** Quoted ETag of {@link #v2()}. */
  public String v2Etag() {
    return "\"" + v2Hash + "\"";
  }

  public Buffer v3Group() {
    return v3Group;
  }

  public String v3GroupEtag() {
    return "\"" + v3GroupHash + "\"";
  }

  /** {@code GET /openapi/v3}: the index of group/version documents. */
  public JsonObject v3Index() {
    return new JsonObject()
        .put(
            "paths",
            new JsonObject()
                .put(
                    V3_GROUP_PATH,
                    new JsonObject()
                        .put(
                            "serverRelativeURL",
                            "/openapi/v3/" + V3_GROUP_PATH + "?hash=" + v3GroupHash)));
  }

  private static JsonObject schemas(String refPrefix) {
    JsonObject listMeta =
        new JsonObject()
            .put("type", "object")
            .put(
                "properties",
                new JsonObject()
                    .put("continue", str())
                    .put(
                        "remainingItemCount",
                        new JsonObject().put("type", "integer").put("format", "int64"))
                    .put("resourceVersion", str())
                    .put("selfLink", str()));
    JsonObject value =
        new JsonObject()
            .put("type", "object")
            .put(
                "required",
                new JsonArray().add("metricName").add("metricLabels").add("timestamp").add("value"))
            .put(
                "properties",
                new JsonObject()
                    .put("metricName", str())
                    .put(
                        "metricLabels",
                        new JsonObject().put("type", "object").put("additionalProperties", str()))
                    .put("timestamp", str().put("format", "date-time"))
                    .put("window", new JsonObject().put("type", "integer").put("format", "int64"))
                    .put("value", str()));
    JsonObject list =
        new JsonObject()
            .put("type", "object")
            .put("required", new JsonArray().add("items"))
            .put(
                "properties",
                new JsonObject()
                    .put("apiVersion", str())
                    .put("kind", str())
                    .put("metadata", ref(refPrefix + LIST_META))
                    .put(
                        "items",
                        new JsonObject().put("type", "array").put("items", ref(refPrefix + VALUE))))
            .put(
                "x-kubernetes-group-version-kind",
                new JsonArray()
                    .add(
                        new JsonObject()
                            .put("group", DiscoveryDocuments.GROUP)
                            .put("kind", "ExternalMetricValueList")
                            .put("version", DiscoveryDocuments.VERSION)));
    return new JsonObject().put(LIST_META, listMeta).put(VALUE, value).put(LIST, list);
  }

  private static JsonObject swagger2() {
    JsonObject get =
        new JsonObject()
            .put("operationId", "listExternalMetricValue")
            .put("produces", new JsonArray().add("application/json"))
            .put("parameters", parameters(false))
            .put(
                "responses",
                new JsonObject()
                    .put(
                        "200",
                        new JsonObject()
                            .put("description", "OK")
                            .put("schema", ref("#/definitions/" + LIST))));
    return new JsonObject()
        .put("swagger", "2.0")
        .put("info", new JsonObject().put("title", "keda-adapter").put("version", "1.0.0"))
        .put("paths", new JsonObject().put(METRIC_PATH, new JsonObject().put("get", get)))
        .put("definitions", schemas("#/definitions/"));
  }

  private static JsonObject openApi3() {
    JsonObject ok =
        new JsonObject()
            .put("description", "OK")
            .put(
                "content",
                new JsonObject()
                    .put(
                        "application/json",
                        new JsonObject().put("schema", ref("#/components/schemas/" + LIST))));
    JsonObject get =
        new JsonObject()
            .put("operationId", "listExternalMetricValue")
            .put("parameters", parameters(true))
            .put("responses", new JsonObject().put("200", ok));
    return new JsonObject()
        .put("openapi", "3.0.0")
        .put("info", new JsonObject().put("title", "keda-adapter").put("version", "1.0.0"))
        .put("paths", new JsonObject().put(METRIC_PATH, new JsonObject().put("get", get)))
        .put("components", new JsonObject().put("schemas", schemas("#/components/schemas/")));
  }

  private static JsonArray parameters(boolean v3) {
    JsonArray params = new JsonArray();
    for (String name : new String[] {"namespace", "metric"}) {
      params.add(param(name, "path", true, v3));
    }
    params.add(param("labelSelector", "query", false, v3));
    return params;
  }

  private static JsonObject param(String name, String in, boolean required, boolean v3) {
    JsonObject p = new JsonObject().put("name", name).put("in", in).put("required", required);
    return v3 ? p.put("schema", str()) : p.put("type", "string");
  }

  private static JsonObject str() {
    return new JsonObject().put("type", "string");
  }

  private static JsonObject ref(String target) {
    return new JsonObject().put("$ref", target);
  }

  private static String sha512(Buffer body) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-512").digest(body.getBytes());
      return HexFormat.of().formatHex(digest).toUpperCase(Locale.ROOT);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-512 is required of every JDK", e);
    }
  }
}
