package dev.keda4j.controller.scaledobject;

import dev.keda4j.api.v1alpha1.Condition;
import dev.keda4j.api.v1alpha1.KedaApi;
import dev.keda4j.api.v1alpha1.ScaledObject;
import dev.keda4j.api.v1alpha1.ScaledObjectList;
import dev.keda4j.api.v1alpha1.ScaledObjectStatus;
import dev.keda4j.controller.k8s.EventRecorder;
import dev.keda4j.controller.k8s.KubeEventRecorder;
import dev.keda4j.controller.metrics.KedaMetrics;
import dev.keda4j.controller.scaling.ScalerCache;
import dev.keda4j.testkit.kube.KubeApi;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.AppsV1Api;
import io.kubernetes.client.openapi.apis.AutoscalingV2Api;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import io.kubernetes.client.util.generic.GenericKubernetesApi;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/** Reads the scale-loop ITs share: a Deployment's replicas, a ScaledObject's status, events. */
final class SoKube {
  private final KubeApi kube;
  private final String ns;

  SoKube(KubeApi kube, String ns) {
    this.kube = kube;
    this.ns = ns;
  }

  /**
   * The services the ScaledObject ITs run on: KEDA's namespace {@code keda}, operator version
   * 2.17.0, metric reads of at most 5 s.
   */
  static ScaledObjectServices services(ApiClient client, ScalerCache cache, KedaMetrics metrics) {
    return services(client, cache, metrics, new KubeEventRecorder(client, Clock.systemUTC()));
  }

  /**
   * As {@link #services(ApiClient, ScalerCache, KedaMetrics)}, the events going to {@code events}.
   */
  static ScaledObjectServices services(
      ApiClient client, ScalerCache cache, KedaMetrics metrics, EventRecorder events) {
    return ScaledObjectOperator.services(
        client, cache, Clock.systemUTC(), "keda", "2.17.0", Duration.ofSeconds(5), metrics, events);
  }

  static String unique(String prefix) {
    return "so-" + prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  void deployment(String name, int replicas) {
    kube.apply(
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: %s, namespace: %s}
        spec:
          replicas: %d
          selector: {matchLabels: {app: %s}}
          template:
            metadata: {labels: {app: %s}}
            spec:
              containers:
              - name: app
                image: nginx
        """
            .formatted(name, ns, replicas, name, name));
  }

  int replicas(String name) {
    try {
      Integer r =
          new AppsV1Api(kube.apiClient())
              .readNamespacedDeploymentScale(name, ns)
              .execute()
              .getSpec()
              .getReplicas();
      return r == null ? 0 : r;
    } catch (ApiException e) {
      throw new IllegalStateException("reading scale failed: HTTP " + e.getCode(), e);
    }
  }

  ScaledObject read(String name) {
    try {
      return new GenericKubernetesApi<>(
              ScaledObject.class,
              ScaledObjectList.class,
              KedaApi.GROUP,
              KedaApi.VERSION,
              KedaApi.SCALED_OBJECTS,
              kube.apiClient())
          .get(ns, name)
          .throwsApiException()
          .getObject();
    } catch (ApiException e) {
      throw new IllegalStateException("reading " + name + " failed: HTTP " + e.getCode(), e);
    }
  }

  ScaledObjectStatus status(String name) {
    ScaledObject so = read(name);
    return so.getStatus() == null ? new ScaledObjectStatus() : so.getStatus();
  }

  List<Condition> conditions(String name) {
    List<Condition> c = status(name).getConditions();
    return c == null ? List.of() : c;
  }

  /** The HPA of that name, or null when there is none. */
  V2HorizontalPodAutoscaler hpa(String hpaName) {
    try {
      return new AutoscalingV2Api(kube.apiClient())
          .readNamespacedHorizontalPodAutoscaler(hpaName, ns)
          .execute();
    } catch (ApiException e) {
      if (e.getCode() == 404) {
        return null;
      }
      throw new IllegalStateException("reading HPA failed: HTTP " + e.getCode(), e);
    }
  }

  List<String> eventMessages(String name, String reason) throws ApiException {
    List<String> out = new ArrayList<>();
    for (CoreV1Event e :
        new CoreV1Api(kube.apiClient()).listNamespacedEvent(ns).execute().getItems()) {
      if (name.equals(e.getInvolvedObject().getName()) && reason.equals(e.getReason())) {
        out.add(e.getMessage());
      }
    }
    return out;
  }

  static void await(Duration timeout, BooleanSupplier done) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + timeout);
      }
      Thread.sleep(100);
    }
  }
}
