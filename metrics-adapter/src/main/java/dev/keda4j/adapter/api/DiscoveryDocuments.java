package dev.keda4j.adapter.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The legacy discovery documents of the one group/version this server serves. KEDA advertises a
 * single placeholder resource ({@code externalmetrics}), never the metric names.
 */
public final class DiscoveryDocuments {
  public static final String GROUP = "external.metrics.k8s.io";
  public static final String VERSION = "v1beta1";
  public static final String GROUP_VERSION = GROUP + "/" + VERSION;

  private DiscoveryDocuments() {}

  private static JsonObject groupVersion() {
    return new JsonObject().put("groupVersion", GROUP_VERSION).put("version", VERSION);
  }

  /** {@code GET /apis}. */
  public static JsonObject apiGroupList() {
    JsonObject group = apiGroup();
    group.remove("kind");
    group.remove("apiVersion");
    return new JsonObject()
        .put("kind", "APIGroupList")
        .put("apiVersion", "v1")
        .put("groups", new JsonArray().add(group));
  }

  /** {@code GET /apis/external.metrics.k8s.io}. */
  public static JsonObject apiGroup() {
    return new JsonObject()
        .put("kind", "APIGroup")
        .put("apiVersion", "v1")
        .put("name", GROUP)
        .put("versions", new JsonArray().add(groupVersion()))
        .put("preferredVersion", groupVersion());
  }

  /** {@code GET /apis/external.metrics.k8s.io/v1beta1}. */
  public static JsonObject apiResourceList() {
    JsonObject resource =
        new JsonObject()
            .put("name", "externalmetrics")
            .put("singularName", "")
            .put("namespaced", true)
            .put("kind", "ExternalMetricValueList")
            .put("verbs", new JsonArray().add("get"));
    return new JsonObject()
        .put("kind", "APIResourceList")
        .put("apiVersion", "v1")
        .put("groupVersion", GROUP_VERSION)
        .put("resources", new JsonArray().add(resource));
  }

  /**
   * {@code GET /version}: kubectl asks for it before every command; the fields are those of {@code
   * version.Info}.
   */
  public static JsonObject version(String gitVersion) {
    String core = gitVersion.startsWith("v") ? gitVersion.substring(1) : gitVersion;
    String[] parts = core.split("[.-]", -1);
    return new JsonObject()
        .put("major", parts.length > 0 ? parts[0] : "")
        .put("minor", parts.length > 1 ? parts[1] : "")
        .put("gitVersion", gitVersion)
        .put("gitCommit", "")
        .put("gitTreeState", "")
        .put("buildDate", "")
        .put("goVersion", "")
        .put("compiler", "keda4j")
        .put(
            "platform",
            System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT)
                + "/"
                + System.getProperty("os.arch"));
  }
}
