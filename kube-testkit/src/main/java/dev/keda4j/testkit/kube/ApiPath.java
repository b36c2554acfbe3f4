package dev.keda4j.testkit.kube;

import java.util.Arrays;
import java.util.List;

/**
 * A Kubernetes API request path split into its parts: {@code
 * /apis/apps/v1/namespaces/ns/deployments/web/scale} becomes group {@code apps}, version {@code
 * v1}, namespace {@code ns}, resource {@code deployments}, name {@code web}, subresource {@code
 * scale}. Paths that name no resource (discovery, {@code /version}) have a null resource.
 */
record ApiPath(
    String group,
    String version,
    String namespace,
    String resource,
    String name,
    String subresource) {

  private static final List<String> NAMESPACE_SUBRESOURCES = List.of("status", "finalize");

  static ApiPath parse(String path) {
    String[] all = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toArray(String[]::new);
    int at;
    String group;
    String version;
    if (all.length >= 2 && all[0].equals("api")) {
      group = "";
      version = all[1];
      at = 2;
    } else if (all.length >= 3 && all[0].equals("apis")) {
      group = all[1];
      version = all[2];
      at = 3;
    } else {
      return new ApiPath(null, null, null, null, null, null);
    }
    String[] rest = Arrays.copyOfRange(all, at, all.length);
    String namespace = null;
    if (rest.length >= 3
        && rest[0].equals("namespaces")
        && !NAMESPACE_SUBRESOURCES.contains(rest[2])) {
      namespace = rest[1];
      rest = Arrays.copyOfRange(rest, 2, rest.length);
    }
    return new ApiPath(
        group,
        version,
        namespace,
        rest.length > 0 ? rest[0] : null,
        rest.length > 1 ? rest[1] : null,
        rest.length > 2 ? rest[2] : null);
  }

  boolean isResource() {
    return resource != null;
  }

  String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /** The path prefix of the group version, {@code /api/v1} or {@code /apis/<group>/<version>}. */
  String groupVersionPath() {
    return group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
  }

  String collectionPath() {
    String ns = namespace == null ? "" : "/namespaces/" + namespace;
    return groupVersionPath() + ns + "/" + resource;
  }

  String objectPath() {
    return collectionPath() + "/" + name;
  }

  ApiPath withName(String newName) {
    return new ApiPath(group, version, namespace, resource, newName, null);
  }

  ApiPath withoutSubresource() {
    return new ApiPath(group, version, namespace, resource, name, null);
  }

  /** The resource as counted in statistics: {@code deployments} or {@code deployments/scale}. */
  String countedResource() {
    return subresource == null ? resource : resource + "/" + subresource;
  }
}
