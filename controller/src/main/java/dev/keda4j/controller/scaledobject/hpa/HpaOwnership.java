package dev.keda4j.controller.scaledobject.hpa;

import dev.keda4j.api.v1alpha1.KedaValidation;
import dev.keda4j.api.v1alpha1.ScaledObject;
import dev.keda4j.api.v1alpha1.ScaledObjectSpec;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1OwnerReference;
import io.kubernetes.client.openapi.models.V2CrossVersionObjectReference;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who may scale a target (scaledobject.md §12, checked by the controller itself rather than only by
 * an admission webhook): a second ScaledObject on the same target or HPA name, or a foreign HPA on
 * the same target or with our HPA's name, is a conflict. A foreign HPA is adopted only when the
 * ScaledObject asks for it with {@code scaledobject.keda.sh/transfer-hpa-ownership: "true"} and
 * names it in {@code advanced.horizontalPodAutoscalerConfig.name}.
 */
public final class HpaOwnership {
  /** On a ScaledObject: take over the HPA named in horizontalPodAutoscalerConfig.name. */
  public static final String TRANSFER_ANNOTATION = "scaledobject.keda.sh/transfer-hpa-ownership";

  /** On a foreign HPA: {@code "false"} ⇒ ignored in the same-target check. */
  public static final String HPA_OWNERSHIP_ANNOTATION = "validations.keda.sh/hpa-ownership";

  private static final Comparator<ScaledObject> FIRST =
      Comparator.comparing(
              (ScaledObject o) -> o.getMetadata().getCreationTimestamp(),
              Comparator.nullsLast(Comparator.<OffsetDateTime>naturalOrder()))
          .thenComparing(o -> o.getMetadata().getName());

  private HpaOwnership() {}

  /**
   * The conflict that forbids {@code so} to create or write its HPA, as a message naming the other
   * object; empty when there is none.
   *
   * @param others ScaledObjects of the namespace (may include {@code so} itself)
   * @param hpas HPAs of the namespace
   */
  public static Optional<String> conflict(
      ScaledObject so,
      Collection<ScaledObject> others,
      Collection<V2HorizontalPodAutoscaler> hpas) {
    V1ObjectMeta meta = so.getMetadata();
    V2CrossVersionObjectReference target = HpaFactory.scaleTargetRef(so.getSpec());
    String hpaName = KedaValidation.hpaName(meta.getName(), so.getSpec());
    for (ScaledObject o : others) {
      if (isSame(so, o)
          || !Objects.equals(meta.getNamespace(), o.getMetadata().getNamespace())
          || o.getMetadata().getDeletionTimestamp() != null
          || o.getSpec() == null
          || o.getSpec().getScaleTargetRef() == null
          || FIRST.compare(so, o) < 0) {
        continue;
      }
      if (sameTarget(target, HpaFactory.scaleTargetRef(o.getSpec()))) {
        return Optional.of(
            "the workload '"
                + target.getName()
                + "' of type '"
                + gvk(target)
                + "' is already managed by the ScaledObject '"
                + o.getMetadata().getName()
                + "'");
      }
      if (hpaName.equals(KedaValidation.hpaName(o.getMetadata().getName(), o.getSpec()))) {
        return Optional.of(
            "the HPA '"
                + hpaName
                + "' is already managed by the ScaledObject '"
                + o.getMetadata().getName()
                + "'");
      }
    }
    for (V2HorizontalPodAutoscaler h : hpas) {
      Optional<String> c = foreign(so, h, others);
      if (c.isPresent()) {
        return c;
      }
    }
    return Optional.empty();
  }

  /**
   * The conflict a live HPA (found under our HPA name, or on our target) is for {@code so}: empty
   * when it is ours, another existing ScaledObject's (that conflict is between the ScaledObjects),
   * or adopted on request.
   */
  public static Optional<String> foreign(
      ScaledObject so, V2HorizontalPodAutoscaler h, Collection<ScaledObject> others) {
    if (h == null || h.getMetadata() == null || ownedBy(h, so.getMetadata().getName())) {
      return Optional.empty();
    }
    Optional<String> owner = scaledObjectOwner(h);
    if (owner.isPresent()
        && others.stream()
            .anyMatch(
                o ->
                    owner.get().equals(o.getMetadata().getName())
                        && !isSame(so, o)
                        && o.getMetadata().getDeletionTimestamp() == null)) {
      return Optional.empty();
    }
    String hpaName = KedaValidation.hpaName(so.getMetadata().getName(), so.getSpec());
    String name = h.getMetadata().getName();
    boolean sameName = hpaName.equals(name);
    V2CrossVersionObjectReference target = HpaFactory.scaleTargetRef(so.getSpec());
    boolean sameTarget =
        h.getSpec() != null
            && sameTarget(target, h.getSpec().getScaleTargetRef())
            && !"false".equals(annotation(h.getMetadata(), HPA_OWNERSHIP_ANNOTATION));
    if (!sameName && !sameTarget) {
      return Optional.empty();
    }
    if (transferRequested(so, name)) {
      return Optional.empty();
    }
    if (sameTarget) {
      return Optional.of(
          "the workload '"
              + target.getName()
              + "' of type '"
              + gvk(target)
              + "' is already managed by the hpa '"
              + name
              + "' (annotate the ScaledObject "
              + TRANSFER_ANNOTATION
              + ": \"true\" and set advanced.horizontalPodAutoscalerConfig.name: "
              + name
              + " to take it over)");
    }
    return Optional.of(
        "the HPA '"
            + name
            + "' already exists and is not owned by this ScaledObject (annotate the ScaledObject "
            + TRANSFER_ANNOTATION
            + ": \"true\" and set advanced.horizontalPodAutoscalerConfig.name: "
            + name
            + " to take it over)");
  }

  /** The annotation is true and the custom HPA name is exactly {@code hpaName}. */
  public static boolean transferRequested(ScaledObject so, String hpaName) {
    ScaledObjectSpec spec = so.getSpec();
    String custom =
        spec == null
                || spec.getAdvanced() == null
                || spec.getAdvanced().getHorizontalPodAutoscalerConfig() == null
            ? null
            : spec.getAdvanced().getHorizontalPodAutoscalerConfig().getName();
    return "true".equalsIgnoreCase(annotation(so.getMetadata(), TRANSFER_ANNOTATION))
        && hpaName.equals(custom);
  }

  /** The HPA's owner reference names ScaledObject {@code soName} (KEDA checks kind and name). */
  public static boolean ownedBy(V2HorizontalPodAutoscaler h, String soName) {
    return scaledObjectOwner(h).map(soName::equals).orElse(false);
  }

  /** The name of the ScaledObject owning the HPA, if any. */
  public static Optional<String> scaledObjectOwner(V2HorizontalPodAutoscaler h) {
    if (h.getMetadata() == null || h.getMetadata().getOwnerReferences() == null) {
      return Optional.empty();
    }
    for (V1OwnerReference r : h.getMetadata().getOwnerReferences()) {
      if (ScaledObject.KIND.equals(r.getKind())
          && r.getApiVersion() != null
          && r.getApiVersion().startsWith("keda.sh/")) {
        return Optional.ofNullable(r.getName());
      }
    }
    return Optional.empty();
  }

  /** Same apiVersion, kind and name ({@code apps/v1} and {@code Deployment} when unset). */
  public static boolean sameTarget(
      V2CrossVersionObjectReference a, V2CrossVersionObjectReference b) {
    if (a == null || b == null) {
      return false;
    }
    return Objects.equals(
            orDefault(a.getApiVersion(), "apps/v1"), orDefault(b.getApiVersion(), "apps/v1"))
        && Objects.equals(
            orDefault(a.getKind(), "Deployment"), orDefault(b.getKind(), "Deployment"))
        && Objects.equals(a.getName(), b.getName());
  }

  private static boolean isSame(ScaledObject a, ScaledObject b) {
    return Objects.equals(a.getMetadata().getNamespace(), b.getMetadata().getNamespace())
        && Objects.equals(a.getMetadata().getName(), b.getMetadata().getName());
  }

  private static String gvk(V2CrossVersionObjectReference t) {
    return t.getApiVersion() + "." + t.getKind();
  }

  private static String orDefault(String s, String d) {
    return s == null || s.isEmpty() ? d : s;
  }

  private static String annotation(V1ObjectMeta meta, String key) {
    Map<String, String> a = meta == null ? null : meta.getAnnotations();
    return a == null ? null : a.get(key);
  }
}
