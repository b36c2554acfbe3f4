package dev.keda4j.controller.k8s;

import io.kubernetes.client.common.KubernetesListObject;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.informer.ResourceEventHandler;
import io.kubernetes.client.informer.SharedIndexInformer;
import io.kubernetes.client.informer.SharedInformerFactory;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.generic.GenericKubernetesApi;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;

/**
 * Watches one custom resource with an informer (no periodic LIST) and reconciles its objects one at
 * a time on create, on updates the {@link Hooks#needsReconcile} predicate accepts, and forgets them
 * on deletion. Failed reconciles are retried after {@code retryDelay}.
 *
 * @param <T> the watched resource
 */
public final class InformerController<T extends KubernetesObject> implements AutoCloseable {
  /** What differs between the watched resources. */
  public interface Hooks<T> {
    /** How log lines and {@link #forget} name {@code obj}. */
    String describe(T obj);

    /** Whether an update of an object needs a reconcile. */
    boolean needsReconcile(T old, T now);

    /**
     * Reconciles {@code obj}.
     *
     * @return true when done, false when it should be retried later
     */
    boolean reconcile(T obj);

    /** Stops whatever was started for the object named {@code key}. */
    void forget(String key);
  }

  private final Logger log;
  private final String kind;
  private final String loop;
  private final Hooks<T> hooks;
  private final Duration retryDelay;
  private final SharedInformerFactory factory;
  private final SharedIndexInformer<T> informer;
  private final ScheduledExecutorService queue;

  /**
   * @param namespace the watched namespace, or null for all ({@code WATCH_NAMESPACE})
   * @param loop what a reconcile starts ("job", "scale"), for the deletion log line
   * @param log the owning controller's logger, so log lines keep their category
   */
  public <L extends KubernetesListObject> InformerController(
      ApiClient client,
      GenericKubernetesApi<T, L> api,
      Class<T> type,
      String namespace,
      Duration retryDelay,
      Hooks<T> hooks,
      String loop,
      Logger log) {
    this.log = log;
    this.kind = type.getSimpleName();
    this.loop = loop;
    this.hooks = hooks;
    this.retryDelay = retryDelay;
    String threadName = kind.toLowerCase(Locale.ROOT) + "-reconcile";
    this.queue =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, threadName);
              t.setDaemon(true);
              return t;
            });
    this.factory = new SharedInformerFactory(client);
    this.informer =
        namespace == null
            ? factory.sharedIndexInformerFor(api, type, 0)
            : factory.sharedIndexInformerFor(api, type, 0, namespace);
    informer.addEventHandler(new Handler());
  }

  /** Starts watching; returns when the informer has synced. */
  public void start(Duration syncTimeout) throws TimeoutException, InterruptedException {
    factory.startAllRegisteredInformers();
    long deadline = System.nanoTime() + syncTimeout.toNanos();
    while (!informer.hasSynced()) {
      if (System.nanoTime() > deadline) {
        throw new TimeoutException(kind + " informer not synced after " + syncTimeout);
      }
      Thread.sleep(20);
    }
    log.info("{} informer synced", kind);
  }

  /** The informer's current object {@code ns/name}, null when gone. */
  public T cached(String nsName) {
    return informer.getIndexer().getByKey(nsName);
  }

  /** Every object the informer holds now. */
  public java.util.List<T> list() {
    return informer.getIndexer().list();
  }

  /** Queues a reconcile of {@code ns/name} (e.g. an object it owns changed). */
  public void requeue(String nsName) {
    enqueue(nsName, 0);
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
    for (T obj : informer.getIndexer().list()) {
      hooks.forget(hooks.describe(obj));
    }
  }

  private void enqueue(String nsName, long delayMillis) {
    if (queue.isShutdown()) {
      return;
    }
    queue.schedule(() -> reconcileLatest(nsName), delayMillis, TimeUnit.MILLISECONDS);
  }

  // by key rather than the event's object: a retry must see the newest version, or none if gone
  private void reconcileLatest(String nsName) {
    T obj = informer.getIndexer().getByKey(nsName);
    if (obj == null) {
      return;
    }
    try {
      if (!hooks.reconcile(obj)) {
        enqueue(nsName, retryDelay.toMillis());
      }
    } catch (RuntimeException e) {
      // one broken object must not stop the queue for the others
      log.error("{}: reconcile crashed", hooks.describe(obj), e);
      enqueue(nsName, retryDelay.toMillis());
    }
  }

  private static String nsName(KubernetesObject obj) {
    return obj.getMetadata().getNamespace() + "/" + obj.getMetadata().getName();
  }

  private final class Handler implements ResourceEventHandler<T> {
    @Override
    public void onAdd(T obj) {
      enqueue(nsName(obj), 0);
    }

    @Override
    public void onUpdate(T old, T now) {
      if (hooks.needsReconcile(old, now)) {
        enqueue(nsName(now), 0);
      }
    }

    @Override
    public void onDelete(T obj, boolean finalStateUnknown) {
      String key = hooks.describe(obj);
      queue.execute(() -> hooks.forget(key));
      log.info("{}: gone, {} loop stopped", key, loop);
    }
  }
}
