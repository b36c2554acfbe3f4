package dev.keda4j.controller.scaling.resolve;

import java.util.Objects;

/**
 * A referenced Kubernetes object, printed as {@code Kind ns/name} ({@code Kind name} when
 * cluster-scoped).
 *
 * @param kind e.g. {@code Secret}
 * @param namespace namespace, "" for cluster-scoped objects
 * @param name object name
 */
public record ObjectRef(String kind, String namespace, String name) {
  public ObjectRef {
    kind = Objects.requireNonNull(kind, "kind");
    namespace = Objects.requireNonNullElse(namespace, "");
    name = Objects.requireNonNullElse(name, "");
  }

  public static ObjectRef secret(String namespace, String name) {
    return new ObjectRef("Secret", namespace, name);
  }

  public static ObjectRef configMap(String namespace, String name) {
    return new ObjectRef("ConfigMap", namespace, name);
  }

  @Override
  public String toString() {
    return namespace.isEmpty() ? kind + " " + name : kind + " " + namespace + "/" + name;
  }
}
