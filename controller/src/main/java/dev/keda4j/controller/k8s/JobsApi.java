package dev.keda4j.controller.k8s;

import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1Pod;
import java.util.List;

/**
 * The Job and Pod calls of the job loop. Every method throws {@link KubeCallException} on failure.
 */
public interface JobsApi {
  List<V1Job> listJobs(String namespace, String labelSelector);

  /** Creates the Job; returns it as stored (with the generated name). */
  V1Job createJob(String namespace, V1Job job);

  /**
   * @param propagationPolicy {@code Background} or {@code Foreground}
   */
  void deleteJob(String namespace, String name, String propagationPolicy);

  /**
   * Deletes every Job {@code labelSelector} matches with one {@code deletecollection} request (one
   * API write however many Jobs it removes).
   *
   * @param propagationPolicy {@code Background} or {@code Foreground}; always sent, because the
   *     default for batch/v1 Jobs is to orphan their pods
   */
  void deleteJobs(String namespace, String labelSelector, String propagationPolicy);

  List<V1Pod> listPods(String namespace, String labelSelector);
}
