package dev.keda4j.controller.scaledjob;

import dev.keda4j.api.v1alpha1.KedaApi;
import dev.keda4j.api.v1alpha1.ScaledJob;
import dev.keda4j.api.v1alpha1.ScaledJobList;
import dev.keda4j.controller.k8s.InformerController;
import dev.keda4j.controller.k8s.ObjectRefs;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.generic.GenericKubernetesApi;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches ScaledJobs with an informer (no periodic LIST) and reconciles them one at a time ({@code
 * KEDA_SCALEDJOB_CTRL_MAX_RECONCILES} = 1) on create, generation change, pause-annotation change
 * and deletion. Failed reconciles are retried after {@code retryDelay}.
 */
public final class ScaledJobController implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ScaledJobController.class);

  private final InformerController<ScaledJob> controller;

  /**
   * @param namespace the watched namespace, or null for all ({@code WATCH_NAMESPACE})
   */
  public ScaledJobController(
      ApiClient client, String namespace, ScaledJobReconciler reconciler, Duration retryDelay) {
    GenericKubernetesApi<ScaledJob, ScaledJobList> api =
        new GenericKubernetesApi<>(
            ScaledJob.class,
            ScaledJobList.class,
            KedaApi.GROUP,
            KedaApi.VERSION,
            KedaApi.SCALED_JOBS,
            client);
    this.controller =
        new InformerController<>(
            client, api, ScaledJob.class, namespace, retryDelay, new Hooks(reconciler), "job", LOG);
  }

  /** Starts watching; returns when the informer has synced. */
  public void start(Duration syncTimeout) throws TimeoutException, InterruptedException {
    controller.start(syncTimeout);
  }

  @Override
  public void close() {
    controller.close();
  }

  /** KEDA's predicates: generation, pause annotation, deletion. */
  static boolean needsReconcile(ScaledJob old, ScaledJob now) {
    return !Objects.equals(old.getMetadata().getGeneration(), now.getMetadata().getGeneration())
        || !Objects.equals(PauseAnnotation.value(old), PauseAnnotation.value(now))
        || !Objects.equals(
            old.getMetadata().getDeletionTimestamp(), now.getMetadata().getDeletionTimestamp());
  }

  private record Hooks(ScaledJobReconciler reconciler)
      implements InformerController.Hooks<ScaledJob> {
    @Override
    public String describe(ScaledJob sj) {
      return ObjectRefs.describe(sj);
    }

    @Override
    public boolean needsReconcile(ScaledJob old, ScaledJob now) {
      return ScaledJobController.needsReconcile(old, now);
    }

    @Override
    public boolean reconcile(ScaledJob sj) {
      return reconciler.reconcile(sj);
    }

    @Override
    public void forget(String key) {
      reconciler.forget(key);
    }
  }
}
