package dev.keda4j.controller.k8s;

import dev.keda4j.api.v1alpha1.ClusterTriggerAuthentication;
import dev.keda4j.api.v1alpha1.ClusterTriggerAuthenticationList;
import dev.keda4j.api.v1alpha1.KedaApi;
import dev.keda4j.api.v1alpha1.TriggerAuthentication;
import dev.keda4j.api.v1alpha1.TriggerAuthenticationList;
import dev.keda4j.controller.scaling.resolve.ObjectLookup;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.util.generic.GenericKubernetesApi;
import java.util.Optional;

/**
 * {@link ObjectLookup} over client-java: direct GETs, so a changed Secret is seen on the next poll.
 * Not found is empty; any other failure throws {@link KubeCallException} (a failed read must never
 * look like a missing object).
 */
public final class KubeObjectLookup implements ObjectLookup {
  private final CoreV1Api core;
  private final GenericKubernetesApi<TriggerAuthentication, TriggerAuthenticationList> tas;
  private final GenericKubernetesApi<ClusterTriggerAuthentication, ClusterTriggerAuthenticationList>
      ctas;

  public KubeObjectLookup(ApiClient client) {
    this.core = new CoreV1Api(client);
    this.tas =
        new GenericKubernetesApi<>(
            TriggerAuthentication.class,
            TriggerAuthenticationList.class,
            KedaApi.GROUP,
            KedaApi.VERSION,
            KedaApi.TRIGGER_AUTHENTICATIONS,
            client);
    this.ctas =
        new GenericKubernetesApi<>(
            ClusterTriggerAuthentication.class,
            ClusterTriggerAuthenticationList.class,
            KedaApi.GROUP,
            KedaApi.VERSION,
            KedaApi.CLUSTER_TRIGGER_AUTHENTICATIONS,
            client);
  }

  @Override
  public Optional<V1Secret> secret(String namespace, String name) {
    return KubeCalls.find(
        "get Secret " + namespace + "/" + name,
        () -> core.readNamespacedSecret(name, namespace).execute());
  }

  @Override
  public Optional<V1ConfigMap> configMap(String namespace, String name) {
    return KubeCalls.find(
        "get ConfigMap " + namespace + "/" + name,
        () -> core.readNamespacedConfigMap(name, namespace).execute());
  }

  @Override
  public Optional<TriggerAuthentication> triggerAuthentication(String namespace, String name) {
    return KubeCalls.findObject(
        "get TriggerAuthentication " + namespace + "/" + name, () -> tas.get(namespace, name));
  }

  @Override
  public Optional<ClusterTriggerAuthentication> clusterTriggerAuthentication(String name) {
    return KubeCalls.findObject("get ClusterTriggerAuthentication " + name, () -> ctas.get(name));
  }
}
