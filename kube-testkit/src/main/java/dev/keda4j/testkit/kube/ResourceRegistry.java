package dev.keda4j.testkit.kube;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The resource types the stand-in knows: a static table of the built-in groups keda4j uses plus
 * keda.sh, and every CustomResourceDefinition created through the fixture. Feeds discovery, fills
 * {@code kind} from a URL and finds the plural of a kind for {@link KubeApi#apply(String)}.
 */
final class ResourceRegistry {

  private static final List<String> NONE = List.of();

  private final List<ResourceType> types = new CopyOnWriteArrayList<>();
  private final Map<String, JsonArray> printerColumns = new ConcurrentHashMap<>();

  ResourceRegistry() {
    core("pods", "Pod", true, List.of("po"), true, false);
    core("services", "Service", true, List.of("svc"), true, false);
    core("configmaps", "ConfigMap", true, List.of("cm"), false, false);
    core("secrets", "Secret", true, NONE, false, false);
    core("serviceaccounts", "ServiceAccount", true, List.of("sa"), false, false);
    core("events", "Event", true, List.of("ev"), false, false);
    core("endpoints", "Endpoints", true, List.of("ep"), false, false);
    core("replicationcontrollers", "ReplicationController", true, List.of("rc"), true, true);
    core("namespaces", "Namespace", false, List.of("ns"), true, false);
    core("nodes", "Node", false, List.of("no"), true, false);
    add("apps", "v1", "deployments", "Deployment", true, List.of("deploy"), true, true);
    add("apps", "v1", "statefulsets", "StatefulSet", true, List.of("sts"), true, true);
    add("apps", "v1", "replicasets", "ReplicaSet", true, List.of("rs"), true, true);
    add("apps", "v1", "daemonsets", "DaemonSet", true, List.of("ds"), true, false);
    add("batch", "v1", "jobs", "Job", true, NONE, true, false);
    add("batch", "v1", "cronjobs", "CronJob", true, List.of("cj"), true, false);
    add(
        "autoscaling",
        "v2",
        "horizontalpodautoscalers",
        "HorizontalPodAutoscaler",
        true,
        List.of("hpa"),
        true,
        false);
    add(
        "autoscaling",
        "v1",
        "horizontalpodautoscalers",
        "HorizontalPodAutoscaler",
        true,
        List.of("hpa"),
        true,
        false);
    add("coordination.k8s.io", "v1", "leases", "Lease", true, NONE, false, false);
    add("events.k8s.io", "v1", "events", "Event", true, List.of("ev"), false, false);
    add(
        "apiextensions.k8s.io",
        "v1",
        "customresourcedefinitions",
        "CustomResourceDefinition",
        false,
        List.of("crd", "crds"),
        true,
        false);
    add("apiregistration.k8s.io", "v1", "apiservices", "APIService", false, NONE, true, false);
    add("keda.sh", "v1alpha1", "scaledobjects", "ScaledObject", true, List.of("so"), true, false);
    add("keda.sh", "v1alpha1", "scaledjobs", "ScaledJob", true, List.of("sj"), true, false);
    add(
        "keda.sh",
        "v1alpha1",
        "triggerauthentications",
        "TriggerAuthentication",
        true,
        List.of("ta", "triggerauth"),
        true,
        false);
    add(
        "keda.sh",
        "v1alpha1",
        "clustertriggerauthentications",
        "ClusterTriggerAuthentication",
        false,
        List.of("cta", "clustertriggerauth"),
        true,
        false);
  }

  private void core(
      String plural, String kind, boolean ns, List<String> shortNames, boolean st, boolean sc) {
    add("", "v1", plural, kind, ns, shortNames, st, sc);
  }

  private void add(
      String group,
      String version,
      String plural,
      String kind,
      boolean namespaced,
      List<String> shortNames,
      boolean status,
      boolean scale) {
    types.add(
        new ResourceType(group, version, plural, kind, namespaced, shortNames, status, scale));
  }

  List<ResourceType> all() {
    return List.copyOf(types);
  }

  Optional<ResourceType> find(String group, String version, String plural) {
    return types.stream()
        .filter(t -> t.group().equals(group) && t.version().equals(version))
        .filter(t -> t.plural().equals(plural))
        .findFirst();
  }

  Optional<ResourceType> findByKind(String apiVersion, String kind) {
    return types.stream()
        .filter(t -> t.apiVersion().equals(apiVersion) && t.kind().equals(kind))
        .findFirst();
  }

  /** The kind for a URL; unknown resources get a guess from the plural (widgets → Widget). */
  String kindOf(ApiPath path) {
    return find(path.group(), path.version(), path.resource())
        .map(ResourceType::kind)
        .orElseGet(() -> guessKind(path.resource()));
  }

  static String guessKind(String plural) {
    String singular =
        plural.endsWith("ies")
            ? plural.substring(0, plural.length() - 3) + "y"
            : plural.endsWith("ses")
                ? plural.substring(0, plural.length() - 2)
                : plural.endsWith("s") ? plural.substring(0, plural.length() - 1) : plural;
    return singular.substring(0, 1).toUpperCase(Locale.ROOT) + singular.substring(1);
  }

  /**
   * The {@code additionalPrinterColumns} of a resource defined by a CRD the stand-in has seen
   * (empty array when the CRD defines none); empty for built-in kinds.
   */
  Optional<JsonArray> printerColumns(String group, String version, String plural) {
    return Optional.ofNullable(printerColumns.get(group + "/" + version + "/" + plural))
        .map(JsonArray::copy);
  }

  /** Registers every served version of a CustomResourceDefinition (JSON form). */
  void registerCrd(JsonObject crd) {
    JsonObject spec = crd.getJsonObject("spec", new JsonObject());
    JsonObject names = spec.getJsonObject("names", new JsonObject());
    String group = spec.getString("group");
    String plural = names.getString("plural");
    String kind = names.getString("kind");
    if (group == null || plural == null || kind == null) {
      return;
    }
    boolean namespaced = !"Cluster".equals(spec.getString("scope"));
    List<String> shortNames = new ArrayList<>();
    names.getJsonArray("shortNames", new JsonArray()).forEach(s -> shortNames.add(s.toString()));
    for (Object v : spec.getJsonArray("versions", new JsonArray())) {
      JsonObject version = (JsonObject) v;
      if (!version.getBoolean("served", true)) {
        continue;
      }
      String name = version.getString("name");
      JsonObject sub = version.getJsonObject("subresources", new JsonObject());
      types.removeIf(
          t -> t.group().equals(group) && t.version().equals(name) && t.plural().equals(plural));
      JsonArray columns =
          version.getJsonArray(
              "additionalPrinterColumns",
              spec.getJsonArray("additionalPrinterColumns", new JsonArray()));
      printerColumns.put(group + "/" + name + "/" + plural, columns.copy());
      add(
          group,
          name,
          plural,
          kind,
          namespaced,
          List.copyOf(shortNames),
          sub.containsKey("status"),
          sub.containsKey("scale"));
    }
  }
}
