package dev.keda4j.controller.scaling.resolve;

import dev.keda4j.api.v1alpha1.ClusterTriggerAuthentication;
import dev.keda4j.api.v1alpha1.TriggerAuthentication;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Secret;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An {@link ObjectLookup} over a fixed set of objects (tests, offline validation). Objects without
 * a namespace are taken to be in {@code default}; the first object added under a key wins.
 */
public final class InMemoryObjectLookup implements ObjectLookup {
  private final Map<String, V1Secret> secrets = new HashMap<>();
  private final Map<String, V1ConfigMap> configMaps = new HashMap<>();
  private final Map<String, TriggerAuthentication> tas = new HashMap<>();
  private final Map<String, ClusterTriggerAuthentication> ctas = new HashMap<>();

  /** Adds a Secret. */
  public InMemoryObjectLookup add(V1Secret s) {
    secrets.putIfAbsent(key(s.getMetadata()), s);
    return this;
  }

  /** Adds a ConfigMap. */
  public InMemoryObjectLookup add(V1ConfigMap c) {
    configMaps.putIfAbsent(key(c.getMetadata()), c);
    return this;
  }

  /** Adds a TriggerAuthentication. */
  public InMemoryObjectLookup add(TriggerAuthentication ta) {
    tas.putIfAbsent(key(ta.getMetadata()), ta);
    return this;
  }

  /** Adds a ClusterTriggerAuthentication. */
  public InMemoryObjectLookup add(ClusterTriggerAuthentication cta) {
    ctas.putIfAbsent(cta.getMetadata() == null ? "" : nz(cta.getMetadata().getName()), cta);
    return this;
  }

  @Override
  public Optional<V1Secret> secret(String namespace, String name) {
    return Optional.ofNullable(secrets.get(key(namespace, name)));
  }

  @Override
  public Optional<V1ConfigMap> configMap(String namespace, String name) {
    return Optional.ofNullable(configMaps.get(key(namespace, name)));
  }

  @Override
  public Optional<TriggerAuthentication> triggerAuthentication(String namespace, String name) {
    return Optional.ofNullable(tas.get(key(namespace, name)));
  }

  @Override
  public Optional<ClusterTriggerAuthentication> clusterTriggerAuthentication(String name) {
    return Optional.ofNullable(ctas.get(nz(name)));
  }

  private static String key(V1ObjectMeta meta) {
    return meta == null ? key("", "") : key(meta.getNamespace(), meta.getName());
  }

  private static String key(String namespace, String name) {
    String ns = namespace == null || namespace.isEmpty() ? "default" : namespace;
    return ns + "/" + nz(name);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
