package dev.keda4j.controller.scaling.resolve;

import dev.keda4j.api.v1alpha1.ClusterTriggerAuthentication;
import dev.keda4j.api.v1alpha1.TriggerAuthentication;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Secret;
import java.util.Optional;

/**
 * Port through which the resolvers read referenced objects. The controller backs it with
 * client-java (informer caches), {@code keda4j validate} with documents read from files ({@link
 * InMemoryObjectLookup}). An implementation returns empty for an object that does not exist; it
 * never throws for "not found".
 */
public interface ObjectLookup {
  Optional<V1Secret> secret(String namespace, String name);

  Optional<V1ConfigMap> configMap(String namespace, String name);

  Optional<TriggerAuthentication> triggerAuthentication(String namespace, String name);

  Optional<ClusterTriggerAuthentication> clusterTriggerAuthentication(String name);
}
