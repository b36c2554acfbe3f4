package dev.keda4j.controller.scaledjob;

import dev.keda4j.api.v1alpha1.KedaApi;
import dev.keda4j.api.v1alpha1.ScaledJob;
import dev.keda4j.api.v1alpha1.ScaledJobList;
import dev.keda4j.controller.k8s.ObjectRefs;
import io.kubernetes.client.informer.ResourceEventHandler;
import io.kubernetes.client.informer.SharedIndexInformer;
import io.kubernetes.client.informer.SharedInformerFactory;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.generic.GenericKubernetesApi;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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

  private final SharedInformerFactory factory;
  private final SharedIndexInformer<ScaledJob> informer;
  private final ScaledJobReconciler reconciler;
  private final Duration retryDelay;
  private final ScheduledExecutorService queue =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "scaledjob-reconcile");
            t.setDaemon(true);
            return t;
          });

  /**
   * @param namespace the watched namespace, or null for all ({@code WATCH_NAMESPACE})
   */
  public ScaledJobController(
      ApiClient client, String namespace, ScaledJobReconciler reconciler, Duration retryDelay) {
    this.reconciler = reconciler;
    this.retryDelay = retryDelay;
    this.factory = new SharedInformerFactory(client);
    GenericKubernetesApi<ScaledJob, ScaledJobList> api =
        new GenericKubernetesApi<>(
            ScaledJob.class,
            ScaledJobList.class,
            KedaApi.GROUP,
            KedaApi.VERSION,
            KedaApi.SCALED_JOBS,
            client);
    this.informer =
        namespace == null
            ? factory.sharedIndexInformerFor(api, ScaledJob.class, 0)
            : factory.sharedIndexInformerFor(api, ScaledJob.class, 0, namespace);
    informer.addEventHandler(new Handler());
  }

  /** Starts watching; returns when the informer has synced. */
  public void start(Duration syncTimeout) throws TimeoutException, InterruptedException {
    factory.startAllRegisteredInformers();
    long deadline = System.nanoTime() + syncTimeout.toNanos();
    while (!informer.hasSynced()) {
      if (System.nanoTime() > deadline) {
        throw new TimeoutException("ScaledJob informer not synced after " + syncTimeout);
      }
      Thread.sleep(20);
    }
    LOG.info("ScaledJob informer synced");
  }

  @Override
  public void close() {
    factory.stopAllRegisteredInformers();
    queue.shutdownNow();
    try {
      queue.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (ScaledJob sj : informer.getIndexer().list()) {
      reconciler.forget(ObjectRefs.describe(sj));
    }
  }

  private void enqueue(String nsName, long delayMillis) {
    if (queue.isShutdown()) {
      return;
    }
    queue.schedule(() -> reconcileLatest(nsName), delayMillis, TimeUnit.MILLISECONDS);
  }

  private void reconcileLatest(String nsName) {
    ScaledJob sj = informer.getIndexer().getByKey(nsName);
    if (sj == null) {
      return;
    }
    try {
      if (!reconciler.reconcile(sj)) {
        enqueue(nsName, retryDelay.toMillis());
      }
    } catch (RuntimeException e) {
      // one broken ScaledJob must not stop the queue for the others
      LOG.error("{}: reconcile crashed", ObjectRefs.describe(sj), e);
      enqueue(nsName, retryDelay.toMillis());
    }
  }

  private static String nsName(ScaledJob sj) {
    return sj.getMetadata().getNamespace() + "/" + sj.getMetadata().getName();
  }

  /** KEDA's predicates: generation, pause annotation, deletion. */
  static boolean needsReconcile(ScaledJob old, ScaledJob now) {
    return !Objects.equals(old.getMetadata().getGeneration(), now.getMetadata().getGeneration())
        || !Objects.equals(PauseAnnotation.value(old), PauseAnnotation.value(now))
        || !Objects.equals(
            old.getMetadata().getDeletionTimestamp(), now.getMetadata().getDeletionTimestamp());
  }

  private final class Handler implements ResourceEventHandler<ScaledJob> {
    @Override
    public void onAdd(ScaledJob sj) {
      enqueue(nsName(sj), 0);
    }

    @Override
    public void onUpdate(ScaledJob old, ScaledJob now) {
      if (needsReconcile(old, now)) {
        enqueue(nsName(now), 0);
      }
    }

    @Override
    public void onDelete(ScaledJob sj, boolean finalStateUnknown) {
      String key = ObjectRefs.describe(sj);
      queue.execute(() -> reconciler.forget(key));
      LOG.info("{}: gone, job loop stopped", key);
    }
  }
}
