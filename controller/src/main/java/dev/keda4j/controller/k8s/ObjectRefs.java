package dev.keda4j.controller.k8s;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1ObjectReference;

/** References to objects, for events and logs. */
public final class ObjectRefs {
  private ObjectRefs() {}

  public static V1ObjectReference of(KubernetesObject o) {
    return new V1ObjectReference()
        .apiVersion(o.getApiVersion())
        .kind(o.getKind())
        .namespace(o.getMetadata().getNamespace())
        .name(o.getMetadata().getName())
        .uid(o.getMetadata().getUid());
  }

  /** {@code Kind ns/name}, as every log line names its object. */
  public static String describe(KubernetesObject o) {
    return o.getKind() + " " + o.getMetadata().getNamespace() + "/" + o.getMetadata().getName();
  }
}
