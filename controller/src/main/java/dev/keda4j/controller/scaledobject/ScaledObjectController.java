package dev.keda4j.controller.scaledobject;

import dev.keda4j.api.v1alpha1.KedaApi;
import dev.keda4j.api.v1alpha1.ScaledObject;
import dev.keda4j.api.v1alpha1.ScaledObjectList;
import dev.keda4j.controller.scaledobject.activation.Annotations;
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
 * Watches ScaledObjects with an informer (no periodic LIST) and reconciles them one at a time
 * ({@code KEDA_SCALEDOBJECT_CTRL_MAX_RECONCILES} = 1) on create, generation change, change of the
 * pause/force-activation annotations and deletion. Failed reconciles are retried after {@code
 * retryDelay}.
 */
public final class ScaledObjectController implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ScaledObjectController.class);

  private final SharedInformerFactory factory;
  private final SharedIndexInformer<ScaledObject> informer;
  private final ScaledObjectReconciler reconciler;
  private final Duration retryDelay;
  private final ScheduledExecutorService queue =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "scaledobject-reconcile");
            t.setDaemon(true);
            return t;
          });

  /**
   * @param namespace the watched namespace, or null for all ({@code WATCH_NAMESPACE})
   */
  public ScaledObjectController(
      ApiClient client, String namespace, ScaledObjectReconciler reconciler, Duration retryDelay) {
    this.reconciler = reconciler;
    this.retryDelay = retryDelay;
    this.factory = new SharedInformerFactory(client);
    GenericKubernetesApi<ScaledObject, ScaledObjectList> api =
        new GenericKubernetesApi<>(
            ScaledObject.class,
            ScaledObjectList.class,
            KedaApi.GROUP,
            KedaApi.VERSION,
            KedaApi.SCALED_OBJECTS,
            client);
    this.informer =
        namespace == null
            ? factory.sharedIndexInformerFor(api, ScaledObject.class, 0)
            : factory.sharedIndexInformerFor(api, ScaledObject.class, 0, namespace);
    informer.addEventHandler(new Handler());
  }

  /** Starts watching; returns when the informer has synced. */
  public void start(Duration syncTimeout) throws TimeoutException, InterruptedException {
    factory.startAllRegisteredInformers();
    long deadline = System.nanoTime() + syncTimeout.toNanos();
    while (!informer.hasSynced()) {
      if (System.nanoTime() > deadline) {
        throw new TimeoutException("ScaledObject informer not synced after " + syncTimeout);
      }
      Thread.sleep(20);
    }
    LOG.info("ScaledObject informer synced");
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
    for (ScaledObject so : informer.getIndexer().list()) {
      reconciler.forget(ScaledObjectReconciler.key(so));
    }
  }

  private void enqueue(String nsName, long delayMillis) {
    if (queue.isShutdown()) {
      return;
    }
    queue.schedule(() -> reconcileLatest(nsName), delayMillis, TimeUnit.MILLISECONDS);
  }

  private void reconcileLatest(String nsName) {
    ScaledObject so = informer.getIndexer().getByKey(nsName);
    if (so == null) {
      return;
    }
    try {
      if (!reconciler.reconcile(so)) {
        enqueue(nsName, retryDelay.toMillis());
      }
    } catch (RuntimeException e) {
      // one broken ScaledObject must not stop the queue for the others
      LOG.error("{}: reconcile crashed", ScaledObjectReconciler.key(so), e);
      enqueue(nsName, retryDelay.toMillis());
    }
  }

  private static String nsName(ScaledObject so) {
    return so.getMetadata().getNamespace() + "/" + so.getMetadata().getName();
  }

  /** KEDA's predicates: generation, pause annotation, deletion. */
  static boolean needsReconcile(ScaledObject old, ScaledObject now) {
    return !Objects.equals(old.getMetadata().getGeneration(), now.getMetadata().getGeneration())
        || !Objects.equals(annotations(old), annotations(now))
        || !Objects.equals(
            old.getMetadata().getDeletionTimestamp(), now.getMetadata().getDeletionTimestamp());
  }

  private static java.util.List<String> annotations(ScaledObject so) {
    java.util.Map<String, String> a = so.getMetadata().getAnnotations();
    java.util.List<String> values = new java.util.ArrayList<>();
    for (String k :
        java.util.List.of(
            Annotations.PAUSED,
            Annotations.PAUSED_REPLICAS,
            Annotations.PAUSED_SCALE_IN,
            Annotations.PAUSED_SCALE_OUT,
            Annotations.FORCE_ACTIVATION)) {
      values.add(a == null ? null : a.get(k));
    }
    return values;
  }

  /** The informer's current ScaledObject {@code ns/name}, null when gone. */
  public ScaledObject cached(String nsName) {
    return informer.getIndexer().getByKey(nsName);
  }

  private final class Handler implements ResourceEventHandler<ScaledObject> {
    @Override
    public void onAdd(ScaledObject so) {
      enqueue(nsName(so), 0);
    }

    @Override
    public void onUpdate(ScaledObject old, ScaledObject now) {
      if (needsReconcile(old, now)) {
        enqueue(nsName(now), 0);
      }
    }

    @Override
    public void onDelete(ScaledObject so, boolean finalStateUnknown) {
      String key = ScaledObjectReconciler.key(so);
      queue.execute(() -> reconciler.forget(key));
      LOG.info("{}: gone, scale loop stopped", key);
    }
  }
}
