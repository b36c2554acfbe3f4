package dev.keda4j.testkit.kube;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Static discovery documents ({@code /version}, {@code /api}, {@code /api/v1}, {@code /apis},
 * {@code /apis/<group>}, {@code /apis/<group>/<version>}) built from the {@link ResourceRegistry};
 * the mock would answer these paths with lists of stored objects. Plain (not aggregated) documents,
 * which kubectl and client-java accept.
 */
final class Discovery {

  private static final List<String> OBJECT_VERBS =
      List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");
  private static final List<String> SUB_VERBS = List.of("get", "patch", "update");
  private static final Map<String, String> PREFERRED = Map.of("autoscaling", "v2");

  private final ResourceRegistry registry;
  private volatile String serverAddress = "127.0.0.1:0";

  Discovery(ResourceRegistry registry) {
    this.registry = registry;
  }

  void serverAddress(String address) {
    this.serverAddress = address;
  }

  /** The document for a discovery path, or empty when the path is not a discovery path. */
  Optional<JsonObject> document(String path) {
    String p =
        path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
    String[] s = p.split("/");
    if (p.equals("/version")) {
      return Optional.of(version());
    }
    if (p.equals("/api")) {
      return Optional.of(
          new JsonObject()
              .put("kind", "APIVersions")
              .put("versions", new JsonArray().add("v1"))
              .put("serverAddressByClientCIDRs", cidrs()));
    }
    if (p.equals("/api/v1")) {
      return Optional.of(resourceList("", "v1"));
    }
    if (p.equals("/apis")) {
      JsonArray groups = new JsonArray();
      groups().values().forEach(groups::add);
      return Optional.of(
          new JsonObject()
              .put("kind", "APIGroupList")
              .put("apiVersion", "v1")
              .put("groups", groups));
    }
    if (s.length == 3 && s[1].equals("apis")) {
      return Optional.ofNullable(groups().get(s[2]))
          .map(g -> g.copy().put("kind", "APIGroup").put("apiVersion", "v1"));
    }
    if (s.length == 4 && s[1].equals("apis") && groups().containsKey(s[2])) {
      boolean known =
          registry.all().stream().anyMatch(t -> t.group().equals(s[2]) && t.version().equals(s[3]));
      return known ? Optional.of(resourceList(s[2], s[3])) : Optional.empty();
    }
    return Optional.empty();
  }

  /**
   * True for paths the stand-in answers here and never forwards ({@code /apis/g} with no
   * version...).
   */
  static boolean isDiscoveryPath(String path) {
    String p =
        path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
    int depth = p.split("/").length - 1;
    return p.equals("/version")
        || p.equals("/api")
        || p.equals("/api/v1")
        || p.equals("/apis")
        || (p.startsWith("/apis/") && depth <= 3)
        || p.startsWith("/openapi");
  }

  private JsonObject version() {
    return new JsonObject()
        .put("major", "1")
        .put("minor", "32")
        .put("gitVersion", "v1.32.0-keda4j-standin")
        .put("gitCommit", "0000000000000000000000000000000000000000")
        .put("gitTreeState", "clean")
        .put("buildDate", "2025-01-01T00:00:00Z")
        .put("goVersion", "go1.23")
        .put("compiler", "gc")
        .put("platform", "linux/amd64");
  }

  private JsonArray cidrs() {
    return new JsonArray()
        .add(new JsonObject().put("clientCIDR", "0.0.0.0/0").put("serverAddress", serverAddress));
  }

  private Map<String, JsonObject> groups() {
    Map<String, JsonObject> groups = new LinkedHashMap<>();
    for (ResourceType t : registry.all()) {
      if (t.group().isEmpty()) {
        continue;
      }
      JsonObject g =
          groups.computeIfAbsent(
              t.group(), n -> new JsonObject().put("name", n).put("versions", new JsonArray()));
      JsonArray versions = g.getJsonArray("versions");
      JsonObject gv =
          new JsonObject().put("groupVersion", t.apiVersion()).put("version", t.version());
      if (!versions.contains(gv)) {
        versions.add(gv);
      }
    }
    groups.forEach(
        (name, g) -> {
          JsonArray versions = g.getJsonArray("versions");
          String preferred = PREFERRED.get(name);
          JsonObject pick = versions.getJsonObject(0);
          for (Object v : versions) {
            if (((JsonObject) v).getString("version").equals(preferred)) {
              pick = (JsonObject) v;
            }
          }
          g.put("preferredVersion", pick.copy());
        });
    return groups;
  }

  private JsonObject resourceList(String group, String version) {
    JsonArray resources = new JsonArray();
    for (ResourceType t : registry.all()) {
      if (!t.group().equals(group) || !t.version().equals(version)) {
        continue;
      }
      resources.add(
          new JsonObject()
              .put("name", t.plural())
              .put("singularName", t.singular())
              .put("namespaced", t.namespaced())
              .put("kind", t.kind())
              .put("verbs", new JsonArray(OBJECT_VERBS))
              .put("shortNames", new JsonArray(t.shortNames())));
      if (t.hasStatus()) {
        resources.add(sub(t, "status", t.kind(), null));
      }
      if (t.hasScale()) {
        resources.add(sub(t, "scale", "Scale", "autoscaling"));
      }
    }
    return new JsonObject()
        .put("kind", "APIResourceList")
        .put("apiVersion", "v1")
        .put("groupVersion", group.isEmpty() ? version : group + "/" + version)
        .put("resources", resources);
  }

  private static JsonObject sub(ResourceType t, String name, String kind, String group) {
    JsonObject o =
        new JsonObject()
            .put("name", t.plural() + "/" + name)
            .put("singularName", "")
            .put("namespaced", t.namespaced())
            .put("kind", kind)
            .put("verbs", new JsonArray(SUB_VERBS));
    if (group != null) {
      o.put("group", group).put("version", "v1");
    }
    return o;
  }
}
