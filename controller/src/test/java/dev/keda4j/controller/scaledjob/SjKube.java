package dev.keda4j.controller.scaledjob;

import dev.keda4j.api.v1alpha1.KedaApi;
import dev.keda4j.api.v1alpha1.ScaledJob;
import dev.keda4j.api.v1alpha1.ScaledJobList;
import dev.keda4j.controller.k8s.EventRecorder;
import dev.keda4j.controller.metrics.KedaMetrics;
import dev.keda4j.controller.scaling.ScalerCache;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.BatchV1Api;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.util.generic.GenericKubernetesApi;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/** What the ScaledJob ITs read and apply through the Kubernetes API fixture. */
final class SjKube {
  private SjKube() {}

  /**
   * The services the ScaledJob ITs run on: KEDA's namespace {@code keda}, operator version 2.17.0,
   * metric reads of at most 5 s, the cache's metrics.
   */
  static JobLoopServices services(ApiClient client, ScalerCache cache, Executor writes) {
    return ScaledJobOperator.services(
        client, cache, Clock.systemUTC(), "keda", "2.17.0", Duration.ofSeconds(5), writes);
  }

  /**
   * As {@link #services(ApiClient, ScalerCache, Executor)} with its own read timeout, metrics and
   * events.
   */
  static JobLoopServices services(
      ApiClient client,
      ScalerCache cache,
      Duration pollTimeout,
      Executor writes,
      KedaMetrics metrics,
      EventRecorder events) {
    return ScaledJobOperator.services(
        client, cache, Clock.systemUTC(), "keda", "2.17.0", pollTimeout, writes, metrics, events);
  }

  /**
   * A ScaledJob of one {@code test} trigger ({@link TestScalers}) on queue {@code q}, at most 10
   * Jobs.
   *
   * @param authRef the TriggerAuthentication the trigger names, or null for none
   */
  static String testScaledJob(String name, String ns, int pollingInterval, String authRef) {
    return """
        apiVersion: keda.sh/v1alpha1
        kind: ScaledJob
        metadata: {name: %s, namespace: %s}
        spec:
          jobTargetRef:
            template:
              spec:
                restartPolicy: Never
                containers:
                - {name: c, image: busybox}
          pollingInterval: %d
          maxReplicaCount: 10
          triggers:
            - type: test
              metadata: {queue: q}
        """
            .formatted(name, ns, pollingInterval)
        + (authRef == null ? "" : "      authenticationRef: {name: " + authRef + "}\n");
  }

  static ScaledJob read(ApiClient client, String ns, String name) throws ApiException {
    return new GenericKubernetesApi<>(
            ScaledJob.class,
            ScaledJobList.class,
            KedaApi.GROUP,
            KedaApi.VERSION,
            KedaApi.SCALED_JOBS,
            client)
        .get(ns, name)
        .throwsApiException()
        .getObject();
  }

  /** The Jobs labelled as the ScaledJob's. */
  static List<V1Job> jobs(ApiClient client, String ns, String sj) throws ApiException {
    return new BatchV1Api(client)
        .listNamespacedJob(ns)
        .labelSelector(KedaApi.SCALED_JOB_NAME_LABEL + "=" + sj)
        .execute()
        .getItems();
  }

  /** Messages of the events with {@code reason} about the object named {@code sj}. */
  static List<String> eventMessages(ApiClient client, String ns, String sj, String reason)
      throws ApiException {
    List<String> out = new ArrayList<>();
    for (CoreV1Event e : new CoreV1Api(client).listNamespacedEvent(ns).execute().getItems()) {
      if (sj.equals(e.getInvolvedObject().getName()) && reason.equals(e.getReason())) {
        out.add(e.getMessage());
      }
    }
    return out;
  }
}
