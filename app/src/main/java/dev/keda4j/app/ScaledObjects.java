package dev.keda4j.app;

import dev.keda4j.controller.k8s.EventRecorder;
import dev.keda4j.controller.metrics.KedaMetrics;
import dev.keda4j.controller.scaledobject.ScaledObjectOperator;
import dev.keda4j.controller.scaledobject.ScaledObjectServices;
import dev.keda4j.controller.scaling.PollScheduler;
import dev.keda4j.controller.scaling.ScalerCache;
import io.kubernetes.client.openapi.ApiClient;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the ScaledObject controller and its scale loops for one namespace (null: all). */
final class ScaledObjects {

  private static final Logger LOG = LoggerFactory.getLogger(ScaledObjects.class);
  private static final Duration RETRY_DELAY = Duration.ofSeconds(10);

  private ScaledObjects() {}

  static ScaledObjectOperator start(
      ApiClient client,
      String namespace,
      ScalerCache cache,
      PollScheduler scheduler,
      KedaMetrics metrics,
      EventRecorder events) {
    ScaledObjectServices services =
        ScaledObjectOperator.services(
            client,
            cache,
            Clock.systemUTC(),
            ScaledJobs.clusterObjectNamespace(),
            BuildInfo.version(),
            ScaledJobs.httpTimeout(),
            metrics,
            events);
    try {
      ScaledObjectOperator operator =
          ScaledObjectOperator.start(client, namespace, services, scheduler, RETRY_DELAY);
      LOG.info("watching ScaledObjects in {}", namespace == null ? "all namespaces" : namespace);
      return operator;
    } catch (TimeoutException e) {
      throw new UserFacingException(
          "the ScaledObject informer did not sync within 30 s"
              + (namespace == null ? "" : " for namespace " + namespace),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UserFacingException("interrupted while starting the ScaledObject controller", e);
    }
  }
}
