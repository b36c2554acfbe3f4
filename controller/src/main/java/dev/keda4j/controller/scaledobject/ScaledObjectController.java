package dev.keda4j.controller.scaledobject;

import dev.keda4j.api.v1alpha1.KedaApi;
import dev.keda4j.api.v1alpha1.KedaValidation;
import dev.keda4j.api.v1alpha1.ScaledObject;
import dev.keda4j.api.v1alpha1.ScaledObjectList;
import dev.keda4j.controller.k8s.InformerController;
import dev.keda4j.controller.scaledobject.activation.Annotations;
import dev.keda4j.controller.scaledobject.hpa.HpaFactory;
import dev.keda4j.controller.scaledobject.hpa.HpaOwnership;
import io.kubernetes.client.informer.ResourceEventHandler;
import io.kubernetes.client.informer.SharedIndexInformer;
import io.kubernetes.client.informer.SharedInformerFactory;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscalerList;
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

  private static final JSON HPA_JSON = new JSON();

  private static final List<String> WATCHED_ANNOTATIONS =
      List.of(
          Annotations.PAUSED,
          Annotations.PAUSED_REPLICAS,
          Annotations.PAUSED_SCALE_IN,
          Annotations.PAUSED_SCALE_OUT,
          Annotations.FORCE_ACTIVATION,
          HpaOwnership.TRANSFER_ANNOTATION);

  private final InformerController<ScaledObject> controller;
  private final SharedInformerFactory hpaFactory;
  private final SharedIndexInformer<V2HorizontalPodAutoscaler> hpas;

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
    GenericKubernetesApi<V2HorizontalPodAutoscaler, V2HorizontalPodAutoscalerList> hpaApi =
        new GenericKubernetesApi<>(
            V2HorizontalPodAutoscaler.class,
            V2HorizontalPodAutoscalerList.class,
            "autoscaling",
            "v2",
            "horizontalpodautoscalers",
            client);
    this.hpaFactory = new SharedInformerFactory(client);
    this.hpas =
        namespace == null
            ? hpaFactory.sharedIndexInformerFor(hpaApi, V2HorizontalPodAutoscaler.class, 0)
            : hpaFactory.sharedIndexInformerFor(
                hpaApi, V2HorizontalPodAutoscaler.class, 0, namespace);
    hpas.addEventHandler(new HpaHandler());
  }

  /** Starts watching HPAs, then ScaledObjects; returns when both informers have synced. */
  public void start(Duration syncTimeout) throws TimeoutException, InterruptedException {
    hpaFactory.startAllRegisteredInformers();
    long deadline = System.nanoTime() + syncTimeout.toNanos();
    while (!hpas.hasSynced()) {
      if (System.nanoTime() > deadline) {
        throw new TimeoutException(
            "HorizontalPodAutoscaler informer not synced after " + syncTimeout);
      }
      Thread.sleep(20);
    }
    controller.start(syncTimeout);
  }

  @Override
  public void close() {
    hpaFactory.stopAllRegisteredInformers();
    controller.close();
  }

  /** The informer's ScaledObjects of {@code namespace}. */
  public List<ScaledObject> scaledObjects(String namespace) {
    List<ScaledObject> out = new ArrayList<>();
    for (ScaledObject so : controller.list()) {
      if (Objects.equals(namespace, so.getMetadata().getNamespace())) {
        out.add(so);
      }
    }
    return out;
  }

  /** The informer's HPAs of {@code namespace}. */
  public List<V2HorizontalPodAutoscaler> hpas(String namespace) {
    List<V2HorizontalPodAutoscaler> out = new ArrayList<>();
    for (V2HorizontalPodAutoscaler h : hpas.getIndexer().list()) {
      if (Objects.equals(namespace, h.getMetadata().getNamespace())) {
        out.add(h);
      }
    }
    return out;
  }

  /** What the reconciler reads from the informers instead of LIST calls. */
  public ScaledObjectReconciler.Listers listers() {
    return new ScaledObjectReconciler.Listers() {
      @Override
      public List<ScaledObject> scaledObjects(String namespace) {
        return ScaledObjectController.this.scaledObjects(namespace);
      }

      @Override
      public List<V2HorizontalPodAutoscaler> hpas(String namespace) {
        return ScaledObjectController.this.hpas(namespace);
      }
    };
  }

  /**
   * Whether an HPA update matters: its spec, labels, annotations or owners changed (the HPA
   * controller's status updates do not).
   */
  static boolean hpaChanged(V2HorizontalPodAutoscaler old, V2HorizontalPodAutoscaler now) {
    return !Objects.equals(tree(old.getSpec()), tree(now.getSpec()))
        || !Objects.equals(old.getMetadata().getLabels(), now.getMetadata().getLabels())
        || !Objects.equals(old.getMetadata().getAnnotations(), now.getMetadata().getAnnotations())
        || !Objects.equals(
            old.getMetadata().getOwnerReferences(), now.getMetadata().getOwnerReferences());
  }

  private static Object tree(Object o) {
    return o == null ? null : HPA_JSON.getGson().toJsonTree(o);
  }

  /**
   * An owned HPA edited or deleted by someone else → its ScaledObject is reconciled (and the HPA
   * put back). Any HPA appearing, changing or disappearing → the ScaledObjects of its namespace
   * that target the same workload or want the same HPA name are reconciled (a conflict may have
   * started or ended).
   */
  private final class HpaHandler implements ResourceEventHandler<V2HorizontalPodAutoscaler> {
    @Override
    public void onAdd(V2HorizontalPodAutoscaler h) {
      if (HpaOwnership.scaledObjectOwner(h).isEmpty()) {
        requeueInterested(h);
      }
    }

    @Override
    public void onUpdate(V2HorizontalPodAutoscaler old, V2HorizontalPodAutoscaler now) {
      if (!hpaChanged(old, now)) {
        return;
      }
      requeueOwner(now);
      requeueInterested(old);
      requeueInterested(now);
    }

    @Override
    public void onDelete(V2HorizontalPodAutoscaler h, boolean finalStateUnknown) {
      requeueOwner(h);
      requeueInterested(h);
    }

    private void requeueOwner(V2HorizontalPodAutoscaler h) {
      HpaOwnership.scaledObjectOwner(h)
          .ifPresent(owner -> controller.requeue(h.getMetadata().getNamespace() + "/" + owner));
    }

    private void requeueInterested(V2HorizontalPodAutoscaler h) {
      String ns = h.getMetadata().getNamespace();
      String owner = HpaOwnership.scaledObjectOwner(h).orElse(null);
      for (ScaledObject so : scaledObjects(ns)) {
        if (so.getSpec() == null
            || so.getSpec().getScaleTargetRef() == null
            || so.getMetadata().getName().equals(owner)) {
          continue;
        }
        boolean sameTarget =
            h.getSpec() != null
                && HpaOwnership.sameTarget(
                    HpaFactory.scaleTargetRef(so.getSpec()), h.getSpec().getScaleTargetRef());
        boolean sameName =
            h.getMetadata()
                .getName()
                .equals(KedaValidation.hpaName(so.getMetadata().getName(), so.getSpec()));
        if (sameTarget || sameName) {
          controller.requeue(ns + "/" + so.getMetadata().getName());
        }
      }
    }
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
