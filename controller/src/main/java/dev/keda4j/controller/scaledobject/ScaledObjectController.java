package dev.keda4j.controller.scaledobject;

import dev.keda4j.api.v1alpha1.KedaApi;
import dev.keda4j.api.v1alpha1.ScaledObject;
import dev.keda4j.api.v1alpha1.ScaledObjectList;
import dev.keda4j.controller.k8s.InformerController;
import dev.keda4j.controller.scaledobject.activation.Annotations;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.generic.GenericKubernetesApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

  private static final List<String> WATCHED_ANNOTATIONS =
      List.of(
          Annotations.PAUSED,
          Annotations.PAUSED_REPLICAS,
          Annotations.PAUSED_SCALE_IN,
          Annotations.PAUSED_SCALE_OUT,
          Annotations.FORCE_ACTIVATION);

  private final InformerController<ScaledObject> controller;

  /**
   * @param namespace the watched namespace, or null for all ({@code WATCH_NAMESPACE})
   */
  public ScaledObjectController(
      ApiClient client, String namespace, ScaledObjectReconciler reconciler, Duration retryDelay) {
    GenericKubernetesApi<ScaledObject, ScaledObjectList> api =
        new GenericKubernetesApi<>(
            ScaledObject.class,
            ScaledObjectList.class,
            KedaApi.GROUP,
            KedaApi.VERSION,
            KedaApi.SCALED_OBJECTS,
            client);
    this.controller =
        new InformerController<>(
            client,
            api,
            ScaledObject.class,
            namespace,
            retryDelay,
            new Hooks(reconciler),
            "scale",
            LOG);
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
  static boolean needsReconcile(ScaledObject old, ScaledObject now) {
    return !Objects.equals(old.getMetadata().getGeneration(), now.getMetadata().getGeneration())
        || !Objects.equals(annotations(old), annotations(now))
        || !Objects.equals(
            old.getMetadata().getDeletionTimestamp(), now.getMetadata().getDeletionTimestamp());
  }

  private static List<String> annotations(ScaledObject so) {
    Map<String, String> a = so.getMetadata().getAnnotations();
    List<String> values = new ArrayList<>();
    for (String k : WATCHED_ANNOTATIONS) {
      values.add(a == null ? null : a.get(k));
    }
    return values;
  }

  /** The informer's current ScaledObject {@code ns/name}, null when gone. */
  public ScaledObject cached(String nsName) {
    return controller.cached(nsName);
  }

  private record Hooks(ScaledObjectReconciler reconciler)
      implements InformerController.Hooks<ScaledObject> {
    @Override
    public String describe(ScaledObject so) {
      return ScaledObjectReconciler.key(so);
    }

    @Override
    public boolean needsReconcile(ScaledObject old, ScaledObject now) {
      return ScaledObjectController.needsReconcile(old, now);
    }

    @Override
    public boolean reconcile(ScaledObject so) {
      return reconciler.reconcile(so);
    }

    @Override
    public void forget(String key) {
      reconciler.forget(key);
    }
  }
}
