package dev.keda4j.controller.scaledobject.hpa;

import dev.keda4j.api.v1alpha1.HorizontalPodAutoscalerConfig;
import dev.keda4j.api.v1alpha1.KedaApi;
import dev.keda4j.api.v1alpha1.KedaValidation;
import dev.keda4j.api.v1alpha1.ReplicaCounts;
import dev.keda4j.api.v1alpha1.ScaledObject;
import dev.keda4j.api.v1alpha1.ScaledObjectSpec;
import dev.keda4j.api.v1alpha1.ScalingModifiers;
import dev.keda4j.controller.scaledobject.activation.Annotations;
import dev.keda4j.scalers.spi.MetricSpec;
import dev.keda4j.scalers.spi.MetricTargetType;
import dev.keda4j.scalers.spi.Quantity;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1OwnerReference;
import io.kubernetes.client.openapi.models.V2ContainerResourceMetricSource;
import io.kubernetes.client.openapi.models.V2CrossVersionObjectReference;
import io.kubernetes.client.openapi.models.V2ExternalMetricSource;
import io.kubernetes.client.openapi.models.V2HPAScalingRules;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscalerBehavior;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscalerSpec;
import io.kubernetes.client.openapi.models.V2MetricIdentifier;
import io.kubernetes.client.openapi.models.V2MetricSpec;
import io.kubernetes.client.openapi.models.V2MetricTarget;
import io.kubernetes.client.openapi.models.V2ResourceMetricSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/** Builds the autoscaling/v2 HPA KEDA manages for a ScaledObject (scaledobject.md §3.3–3.5). */
public final class HpaFactory {
  public static final String COMPOSITE_METRIC = "composite-metric";
  public static final String DISABLED = "Disabled";

  private static final JSON JSON_CODEC = new JSON();

  private HpaFactory() {}

  /**
   * The desired HPA.
   *
   * @param so the ScaledObject (metadata with name, namespace, uid, labels, annotations)
   * @param specsByTrigger metric specs each trigger's scaler reported, keyed by trigger index
   * @param kedaVersion the value of {@code app.kubernetes.io/version}
   * @throws HpaBuildException with KEDA's message when no specs or a duplicate external name
   */
  public static DesiredHpa build(
      ScaledObject so, Map<Integer, List<MetricSpec>> specsByTrigger, String kedaVersion)
      throws HpaBuildException {
    V1ObjectMeta meta = so.getMetadata();
    ScaledObjectSpec spec = so.getSpec();
    List<MetricSpec> all = new ArrayList<>();
    new TreeMap<>(specsByTrigger).values().forEach(all::addAll);
    if (all.isEmpty()) {
      throw new HpaBuildException(
          "no metric specs returned from scalers for ScaledObject "
              + meta.getNamespace()
              + "/"
              + meta.getName());
    }
    List<String> external = new ArrayList<>();
    List<String> resource = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (MetricSpec m : all) {
      if (m.sourceType() == MetricSpec.SourceType.EXTERNAL) {
        if (!seen.add(m.metricName())) {
          throw new HpaBuildException(
              "metricName "
                  + m.metricName()
                  + " defined multiple times in ScaledObject "
                  + meta.getName());
        }
        external.add(m.metricName());
      } else if (m.sourceType() == MetricSpec.SourceType.RESOURCE) {
        resource.add(m.metricName());
      }
    }

    List<V2MetricSpec> metrics = new ArrayList<>();
    String composite = null;
    Quantity compositeTarget = compositeTarget(spec);
    if (compositeTarget != null) {
      for (MetricSpec m : all) {
        if (m.sourceType() != MetricSpec.SourceType.EXTERNAL) {
          metrics.add(toV2(m, meta.getName()));
        }
      }
      metrics.sort(Comparator.comparing(V2MetricSpec::getType));
      MetricTargetType type =
          "Value".equals(spec.getAdvanced().getScalingModifiers().getMetricType())
              ? MetricTargetType.VALUE
              : MetricTargetType.AVERAGE_VALUE;
      metrics.add(
          toV2(MetricSpec.external(COMPOSITE_METRIC, type, compositeTarget), meta.getName()));
      composite = COMPOSITE_METRIC;
    } else {
      for (MetricSpec m : all) {
        metrics.add(toV2(m, meta.getName()));
      }
      // KEDA sorts by the type string: ContainerResource < External < Resource (stable).
      metrics.sort(Comparator.comparing(V2MetricSpec::getType));
    }

    String name = KedaValidation.hpaName(meta.getName(), spec);
    V2HorizontalPodAutoscaler hpa =
        new V2HorizontalPodAutoscaler()
            .apiVersion("autoscaling/v2")
            .kind("HorizontalPodAutoscaler")
            .metadata(
                new V1ObjectMeta()
                    .name(name)
                    .namespace(meta.getNamespace())
                    .labels(labels(name, meta, kedaVersion))
                    .annotations(
                        meta.getAnnotations() == null
                            ? null
                            : new LinkedHashMap<>(meta.getAnnotations()))
                    .ownerReferences(List.of(ownerReference(meta))))
            .spec(
                new V2HorizontalPodAutoscalerSpec()
                    .scaleTargetRef(scaleTargetRef(spec))
                    .minReplicas(ReplicaCounts.hpaMinReplicas(spec.getMinReplicaCount()))
                    .maxReplicas(ReplicaCounts.hpaMaxReplicas(spec.getMaxReplicaCount()))
                    .metrics(metrics)
                    .behavior(behavior(spec, Annotations.of(meta.getAnnotations()))));
    return new DesiredHpa(hpa, external, resource, composite);
  }

  /** The composite target when scalingModifiers carry a positive target, else null. */
  static Quantity compositeTarget(ScaledObjectSpec spec) {
    if (!KedaValidation.isUsingModifiers(spec)) {
      return null;
    }
    ScalingModifiers sm = spec.getAdvanced().getScalingModifiers();
    if (sm.getTarget() == null || sm.getTarget().isEmpty()) {
      return null;
    }
    try {
      double target = Double.parseDouble(sm.getTarget());
      return target > 0 ? Quantity.fromDouble(target) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static Map<String, String> labels(String hpaName, V1ObjectMeta so, String kedaVersion) {
    SortedMap<String, String> labels = new TreeMap<>();
    labels.put("app.kubernetes.io/name", labelValue(hpaName));
    labels.put("app.kubernetes.io/version", kedaVersion);
    labels.put("app.kubernetes.io/part-of", so.getName());
    labels.put("app.kubernetes.io/managed-by", "keda-operator");
    Set<String> excluded = excludedLabels(so.getAnnotations());
    if (so.getLabels() != null) {
      so.getLabels()
          .forEach(
              (k, v) -> {
                if (!excluded.contains(k)) {
                  labels.put(k, v);
                }
              });
    }
    return labels;
  }

  /** A name cut to 63 characters, then stripped of trailing characters that are not alnum. */
  static String labelValue(String name) {
    if (name.length() <= KedaValidation.MAX_NAME_LENGTH) {
      return name;
    }
    String cut = name.substring(0, KedaValidation.MAX_NAME_LENGTH);
    int end = cut.length();
    while (end > 0 && !Character.isLetterOrDigit(cut.charAt(end - 1))) {
      end--;
    }
    return cut.substring(0, end);
  }

  private static Set<String> excludedLabels(Map<String, String> annotations) {
    Set<String> keys = new HashSet<>();
    if (annotations == null || annotations.get(Annotations.HPA_EXCLUDED_LABELS) == null) {
      return keys;
    }
    for (String k : annotations.get(Annotations.HPA_EXCLUDED_LABELS).split(",", -1)) {
      if (!k.trim().isEmpty()) {
        keys.add(k.trim());
      }
    }
    return keys;
  }

  private static V1OwnerReference ownerReference(V1ObjectMeta so) {
    return new V1OwnerReference()
        .apiVersion(KedaApi.API_VERSION)
        .kind(ScaledObject.KIND)
        .name(so.getName())
        .uid(so.getUid())
        .controller(true)
        .blockOwnerDeletion(true);
  }

  /** The HPA's scaleTargetRef: apps/v1 Deployment when unset. */
  public static V2CrossVersionObjectReference scaleTargetRef(ScaledObjectSpec spec) {
    String apiVersion = spec.getScaleTargetRef().getApiVersion();
    String kind = spec.getScaleTargetRef().getKind();
    return new V2CrossVersionObjectReference()
        .apiVersion(apiVersion == null || apiVersion.isEmpty() ? "apps/v1" : apiVersion)
        .kind(kind == null || kind.isEmpty() ? "Deployment" : kind)
        .name(spec.getScaleTargetRef().getName());
  }

  /** The user's behavior (a copy: the ScaledObject must stay untouched), then directional pause. */
  static V2HorizontalPodAutoscalerBehavior behavior(ScaledObjectSpec spec, Annotations a) {
    HorizontalPodAutoscalerConfig cfg =
        spec.getAdvanced() == null ? null : spec.getAdvanced().getHorizontalPodAutoscalerConfig();
    V2HorizontalPodAutoscalerBehavior behavior =
        cfg == null || cfg.getBehavior() == null ? null : copy(cfg.getBehavior());
    if (a.pausedScaleIn()) {
      behavior = behavior == null ? new V2HorizontalPodAutoscalerBehavior() : behavior;
      if (behavior.getScaleDown() == null) {
        behavior.setScaleDown(new V2HPAScalingRules());
      }
      behavior.getScaleDown().setSelectPolicy(DISABLED);
    }
    if (a.pausedScaleOut()) {
      behavior = behavior == null ? new V2HorizontalPodAutoscalerBehavior() : behavior;
      if (behavior.getScaleUp() == null) {
        behavior.setScaleUp(new V2HPAScalingRules());
      }
      behavior.getScaleUp().setSelectPolicy(DISABLED);
    }
    return behavior;
  }

  private static V2HorizontalPodAutoscalerBehavior copy(V2HorizontalPodAutoscalerBehavior b) {
    return JSON_CODEC.deserialize(JSON_CODEC.serialize(b), V2HorizontalPodAutoscalerBehavior.class);
  }

  static V2MetricSpec toV2(MetricSpec m, String soName) {
    V2MetricTarget target = target(m);
    switch (m.sourceType()) {
      case EXTERNAL:
        return new V2MetricSpec()
            .type("External")
            .external(
                new V2ExternalMetricSource()
                    .metric(
                        new V2MetricIdentifier()
                            .name(m.metricName())
                            .selector(
                                new V1LabelSelector()
                                    .matchLabels(Map.of(KedaApi.SCALED_OBJECT_NAME_LABEL, soName))))
                    .target(target));
      case CONTAINER_RESOURCE:
        return new V2MetricSpec()
            .type("ContainerResource")
            .containerResource(
                new V2ContainerResourceMetricSource()
                    .name(m.metricName())
                    .container(m.containerName())
                    .target(target));
      case RESOURCE:
      default:
        return new V2MetricSpec()
            .type("Resource")
            .resource(new V2ResourceMetricSource().name(m.metricName()).target(target));
    }
  }

  private static V2MetricTarget target(MetricSpec m) {
    V2MetricTarget t = new V2MetricTarget().type(m.targetType().wireName());
    switch (m.targetType()) {
      case UTILIZATION:
        return t.averageUtilization(m.averageUtilization());
      case VALUE:
        return t.value(quantity(m.target()));
      case AVERAGE_VALUE:
      default:
        return t.averageValue(quantity(m.target()));
    }
  }

  private static io.kubernetes.client.custom.Quantity quantity(Quantity q) {
    return q == null ? null : io.kubernetes.client.custom.Quantity.fromString(q.toString());
  }
}
