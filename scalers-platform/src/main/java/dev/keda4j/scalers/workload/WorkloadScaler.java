package dev.keda4j.scalers.workload;

import dev.keda4j.scalers.spi.MetricSpec;
import dev.keda4j.scalers.spi.MetricTargetType;
import dev.keda4j.scalers.spi.MetricValue;
import dev.keda4j.scalers.spi.Quantity;
import dev.keda4j.scalers.spi.Scaler;
import dev.keda4j.scalers.spi.ScalerResult;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Number of pods matching a label selector in the scalable object's namespace, not counting pods
 * that have finished (Succeeded or Failed).
 */
public final class WorkloadScaler implements Scaler {
  /** Finished pods no longer represent load. */
  private static final Set<String> TERMINATED_PHASES = Set.of("Succeeded", "Failed");

  private final WorkloadConfig config;
  private final String namespace;
  private final String metricName;
  private final MetricTargetType targetType;
  private final KubernetesClientSlot clients;
  private final Executor blockingPool;

  WorkloadScaler(
      WorkloadConfig config,
      String namespace,
      String metricName,
      MetricTargetType targetType,
      KubernetesClientSlot clients,
      Executor blockingPool) {
    this.config = config;
    this.namespace = namespace;
    this.metricName = metricName;
    this.targetType = targetType;
    this.clients = clients;
    this.blockingPool = blockingPool;
  }

  @Override
  public List<MetricSpec> metricSpecs() {
    return List.of(
        MetricSpec.external(metricName, targetType, Quantity.fromDouble(config.value())));
  }

  @Override
  public CompletionStage<ScalerResult> poll(String requested) {
    Optional<ApiClient> client = clients.client();
    if (client.isEmpty()) {
      return CompletableFuture.failedFuture(
          new WorkloadScalerException(
              "error inspecting kubernetes workload: no Kubernetes client configured"
                  + " (KubernetesClientSlot.register was not called)",
              null));
    }
    return CompletableFuture.supplyAsync(() -> countPods(client.get()), blockingPool)
        .thenApply(
            count ->
                ScalerResult.of(
                    MetricValue.ofCount(requested, count), count > config.activationValue()));
  }

  private long countPods(ApiClient client) {
    V1PodList pods;
    try {
      pods =
          new CoreV1Api(client)
              .listNamespacedPod(namespace)
              .labelSelector(config.podSelector())
              .execute();
    } catch (ApiException e) {
      throw new WorkloadScalerException(
          "error inspecting kubernetes workload: listing pods in "
              + namespace
              + " failed with HTTP "
              + e.getCode()
              + ": "
              + (e.getResponseBody() == null ? e.getMessage() : e.getResponseBody()),
          e);
    }
    return pods.getItems().stream().filter(WorkloadScaler::isRunningOrPending).count();
  }

  private static boolean isRunningOrPending(V1Pod pod) {
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    return phase == null || !TERMINATED_PHASES.contains(phase);
  }

  @Override
  public void close() {
    // the client is shared and owned by the controller
  }

  @Override
  public String toString() {
    return "WorkloadScaler[" + metricName + "]";
  }
}
