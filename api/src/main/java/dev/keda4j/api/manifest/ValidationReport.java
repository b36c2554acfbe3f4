package dev.keda4j.api.manifest;

import dev.keda4j.api.v1alpha1.ClusterTriggerAuthentication;
import dev.keda4j.api.v1alpha1.ScaledJob;
import dev.keda4j.api.v1alpha1.ScaledObject;
import dev.keda4j.api.v1alpha1.TriggerAuthentication;
import io.kubernetes.client.common.KubernetesObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Result of {@link ManifestValidator}: the KEDA objects read (every keda.sh object whose schema was
 * valid, even if a KEDA code-level check then failed), the other documents as-is (Secrets,
 * ConfigMaps, Deployments, ... for later binding of {@code *FromEnv} and authenticationRef), and
 * one line per problem ({@code file: Kind ns/name: field.path: message}).
 */
public record ValidationReport(
    List<KubernetesObject> kedaObjects,
    List<ManifestDocument> otherDocuments,
    List<String> problems) {

  public ValidationReport {
    kedaObjects = List.copyOf(kedaObjects);
    otherDocuments = List.copyOf(otherDocuments);
    problems = List.copyOf(problems);
  }

  /** True when no problem was found. */
  public boolean ok() {
    return problems.isEmpty();
  }

  public List<ScaledObject> scaledObjects() {
    return of(ScaledObject.class);
  }

  public List<ScaledJob> scaledJobs() {
    return of(ScaledJob.class);
  }

  public List<TriggerAuthentication> triggerAuthentications() {
    return of(TriggerAuthentication.class);
  }

  public List<ClusterTriggerAuthentication> clusterTriggerAuthentications() {
    return of(ClusterTriggerAuthentication.class);
  }

  /** The KEDA objects of one type, in file order. */
  public <T> List<T> of(Class<T> type) {
    List<T> out = new ArrayList<>();
    for (KubernetesObject o : kedaObjects) {
      if (type.isInstance(o)) {
        out.add(type.cast(o));
      }
    }
    return out;
  }
}
