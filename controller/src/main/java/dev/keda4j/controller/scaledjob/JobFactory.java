package dev.keda4j.controller.scaledjob;

import dev.keda4j.api.manifest.Manifests;
import dev.keda4j.api.v1alpha1.KedaApi;
import dev.keda4j.api.v1alpha1.ScaledJob;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1JobSpec;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1OwnerReference;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** The batch/v1 Job a ScaledJob launches (scaledjob.md §5). Pure. */
public final class JobFactory {
  public static final String GENERATION_ANNOTATION = "scaledjob.keda.sh/generation";
  public static final String EXCLUDED_LABELS_ANNOTATION = "scaledjob.keda.sh/job-excluded-labels";
  public static final String MANAGED_BY = "keda-operator";

  /**
   * keda4j's own label (not KEDA's): the Jobs one poll creates carry the same value, in groups of
   * at most {@link #BATCH_SIZE}, so the history cleanup can delete a group that is entirely beyond
   * the limits with one {@code deletecollection} (see {@link HistoryCleanup#plan}).
   */
  public static final String BATCH_LABEL = "scaledjob.keda4j.dev/batch";

  /** The most Jobs one batch label value names. */
  public static final int BATCH_SIZE = 25;

  private final String operatorVersion;

  /**
   * @param operatorVersion value of the {@code app.kubernetes.io/version} label
   */
  public JobFactory(String operatorVersion) {
    this.operatorVersion = Objects.requireNonNull(operatorVersion, "operatorVersion");
  }

  /** The label selector that finds every Job of {@code sjName}. */
  public static String selector(String sjName) {
    return KedaApi.SCALED_JOB_NAME_LABEL + "=" + sjName;
  }

  /** The label selector that finds the Jobs of {@code sjName} in {@code batch}. */
  public static String batchSelector(String sjName, String batch) {
    return selector(sjName) + "," + BATCH_LABEL + "=" + batch;
  }

  /** The batch label of {@code job}, or null. */
  public static String batch(V1Job job) {
    Map<String, String> labels = job.getMetadata() == null ? null : job.getMetadata().getLabels();
    return labels == null ? null : labels.get(BATCH_LABEL);
  }

  /** A new Job for {@code sj} in {@code batch} (a label value; null: no batch label). */
  public V1Job newJob(ScaledJob sj, String batch) {
    V1Job job = newJob(sj);
    if (batch != null) {
      job.getMetadata().putLabelsItem(BATCH_LABEL, batch);
    }
    return job;
  }

  /** A new Job for {@code sj}; the server picks the name from {@code generateName}. */
  public V1Job newJob(ScaledJob sj) {
    V1ObjectMeta sjMeta = sj.getMetadata();
    String name = sjMeta.getName();
    V1JobSpec spec = copy(sj.getSpec().getJobTargetRef());
    V1PodTemplateSpec template = spec.getTemplate();
    if (template == null) {
      template = new V1PodTemplateSpec();
      spec.setTemplate(template);
    }
    if (template.getMetadata() == null) {
      template.setMetadata(new V1ObjectMeta());
    }
    template.getMetadata().putLabelsItem(KedaApi.SCALED_JOB_NAME_LABEL, name);
    template.getMetadata().setGenerateName(name + "-");
    if (template.getSpec() == null) {
      template.setSpec(new V1PodSpec());
    }
    if (template.getSpec().getRestartPolicy() == null
        || template.getSpec().getRestartPolicy().isEmpty()) {
      template.getSpec().setRestartPolicy("OnFailure");
    }
    return new V1Job()
        .apiVersion("batch/v1")
        .kind("Job")
        .metadata(
            new V1ObjectMeta()
                .generateName(name + "-")
                .namespace(sjMeta.getNamespace())
                .labels(labels(sjMeta))
                .annotations(annotations(sjMeta))
                .addOwnerReferencesItem(owner(sj)))
        .spec(spec);
  }

  private Map<String, String> labels(V1ObjectMeta sjMeta) {
    String name = sjMeta.getName();
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("app.kubernetes.io/name", name);
    labels.put("app.kubernetes.io/version", operatorVersion);
    labels.put("app.kubernetes.io/part-of", name);
    labels.put("app.kubernetes.io/managed-by", MANAGED_BY);
    labels.put(KedaApi.SCALED_JOB_NAME_LABEL, name);
    Set<String> excluded = excludedLabels(sjMeta);
    if (sjMeta.getLabels() != null) {
      sjMeta
          .getLabels()
          .forEach(
              (k, v) -> {
                if (!excluded.contains(k)) {
                  labels.put(k, v);
                }
              });
    }
    return labels;
  }

  private static Set<String> excludedLabels(V1ObjectMeta sjMeta) {
    String v =
        sjMeta.getAnnotations() == null
            ? null
            : sjMeta.getAnnotations().get(EXCLUDED_LABELS_ANNOTATION);
    if (v == null || v.isEmpty()) {
      return Set.of();
    }
    return Arrays.stream(v.split(",")).map(String::trim).collect(Collectors.toSet());
  }

  private static Map<String, String> annotations(V1ObjectMeta sjMeta) {
    Map<String, String> a = new LinkedHashMap<>();
    Long generation = sjMeta.getGeneration();
    a.put(GENERATION_ANNOTATION, String.valueOf(generation == null ? 0 : generation));
    if (sjMeta.getAnnotations() != null) {
      a.putAll(sjMeta.getAnnotations());
    }
    return a;
  }

  private static V1OwnerReference owner(ScaledJob sj) {
    return new V1OwnerReference()
        .apiVersion(KedaApi.API_VERSION)
        .kind(KedaApi.SCALED_JOB)
        .name(sj.getMetadata().getName())
        .uid(sj.getMetadata().getUid())
        .controller(true)
        .blockOwnerDeletion(true);
  }

  // A deep copy so a Job never shares mutable model objects with the informer's cached ScaledJob
  private static V1JobSpec copy(V1JobSpec spec) {
    return spec == null
        ? new V1JobSpec()
        : Manifests.gson().fromJson(Manifests.gson().toJson(spec), V1JobSpec.class);
  }
}
