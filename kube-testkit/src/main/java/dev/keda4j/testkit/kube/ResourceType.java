package dev.keda4j.testkit.kube;

import java.util.List;

/** One API resource as discovery describes it. */
record ResourceType(
    String group,
    String version,
    String plural,
    String kind,
    boolean namespaced,
    List<String> shortNames,
    boolean hasStatus,
    boolean hasScale) {

  String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  String singular() {
    return kind.toLowerCase(java.util.Locale.ROOT);
  }
}
