package dev.keda4j.app;

import dev.keda4j.controller.k8s.EventRecorder;
import dev.keda4j.controller.metrics.KedaMetrics;
import dev.keda4j.controller.scaledjob.JobLoopServices;
import dev.keda4j.controller.scaledjob.ScaledJobOperator;
import dev.keda4j.controller.scaling.PollScheduler;
import dev.keda4j.controller.scaling.ScalerCache;
import io.kubernetes.client.openapi.ApiClient;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the ScaledJob controller and its job loops for one namespace (null: all). */
final class ScaledJobs {

  private static final Logger LOG = LoggerFactory.getLogger(ScaledJobs.class);
  private static final Duration RETRY_DELAY = Duration.ofSeconds(10);

  private ScaledJobs() {}

  static ScaledJobOperator start(
      ApiClient client,
      String namespace,
      ScalerCache cache,
      PollScheduler scheduler,
      ExecutorService writePool,
      RunOptions options,
      KedaMetrics metrics,
      EventRecorder events) {
    JobLoopServices services =
        ScaledJobOperator.services(
            client,
            cache,
            Clock.systemUTC(),
            clusterObjectNamespace(),
            BuildInfo.version(),
            httpTimeout(),
            writePool,
            metrics,
            events);
    try {
      ScaledJobOperator operator =
          ScaledJobOperator.start(client, namespace, services, scheduler, RETRY_DELAY);
      LOG.info("watching ScaledJobs in {}", namespace == null ? "all namespaces" : namespace);
      return operator;
    } catch (TimeoutException e) {
      throw new UserFacingException(
          "the ScaledJob informer did not sync within 30 s"
              + (namespace == null ? "" : " for namespace " + namespace),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UserFacingException("interrupted while starting the ScaledJob controller", e);
    }
  }

  /** Where ClusterTriggerAuthentication secrets live, as KEDA decides it. */
  static String clusterObjectNamespace() {
    String configured = System.getenv("KEDA_CLUSTER_OBJECT_NAMESPACE");
    if (configured != null && !configured.isBlank()) {
      return configured;
    }
    String own = System.getenv("POD_NAMESPACE");
    return own == null || own.isBlank() ? "keda" : own;
  }

  /** KEDA_HTTP_DEFAULT_TIMEOUT in milliseconds, 3000 by default, bounds every metric read. */
  static Duration httpTimeout() {
    String configured = System.getenv("KEDA_HTTP_DEFAULT_TIMEOUT");
    try {
      return configured == null || configured.isBlank()
          ? Duration.ofMillis(3000)
          : Duration.ofMillis(Long.parseLong(configured.trim()));
    } catch (NumberFormatException e) {
      throw new UserFacingException(
          "KEDA_HTTP_DEFAULT_TIMEOUT=" + configured + " is not a number of milliseconds", e);
    }
  }
}
