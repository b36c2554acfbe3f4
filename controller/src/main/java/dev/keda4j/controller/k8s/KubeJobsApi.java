package dev.keda4j.controller.k8s;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.BatchV1Api;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1DeleteOptions;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1Pod;
import java.io.IOException;
import java.util.List;
import okhttp3.Response;

/** {@link JobsApi} over client-java's BatchV1Api and CoreV1Api. */
public final class KubeJobsApi implements JobsApi {
  private final BatchV1Api batch;
  private final CoreV1Api core;

  public KubeJobsApi(ApiClient client) {
    this.batch = new BatchV1Api(client);
    this.core = new CoreV1Api(client);
  }

  @Override
  public List<V1Job> listJobs(String namespace, String labelSelector) {
    return KubeCalls.call(
            "list Jobs in " + namespace,
            () -> batch.listNamespacedJob(namespace).labelSelector(labelSelector).execute())
        .getItems();
  }

  @Override
  public V1Job createJob(String namespace, V1Job job) {
    return KubeCalls.call(
        "create Job in " + namespace, () -> batch.createNamespacedJob(namespace, job).execute());
  }

  @Override
  public void deleteJob(String namespace, String name, String propagationPolicy) {
    KubeCalls.find(
        "delete Job " + namespace + "/" + name,
        () ->
            batch
                .deleteNamespacedJob(name, namespace)
                .body(new V1DeleteOptions().propagationPolicy(propagationPolicy))
                .execute());
  }

  @Override
  public void deleteJobs(String namespace, String labelSelector, String propagationPolicy) {
    String what = "delete Jobs " + labelSelector + " in " + namespace;
    // the answer is the list of deleted Jobs (a JobList), which client-java would try to read as a
    // V1Status: only the HTTP status is looked at
    try (Response r =
        batch
            .deleteCollectionNamespacedJob(namespace)
            .labelSelector(labelSelector)
            .propagationPolicy(propagationPolicy)
            .body(new V1DeleteOptions().propagationPolicy(propagationPolicy))
            .buildCall(null)
            .execute()) {
      if (!r.isSuccessful()) {
        throw new KubeCallException(what, r.code(), null);
      }
    } catch (ApiException | IOException e) {
      throw new KubeCallException(what, e instanceof ApiException a ? a.getCode() : 0, e);
    }
  }

  @Override
  public List<V1Pod> listPods(String namespace, String labelSelector) {
    return KubeCalls.call(
            "list Pods in " + namespace,
            () -> core.listNamespacedPod(namespace).labelSelector(labelSelector).execute())
        .getItems();
  }
}
