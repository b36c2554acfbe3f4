package dev.keda4j.controller.scaledobject;

import dev.keda4j.api.v1alpha1.GroupVersionKindResource;
import dev.keda4j.api.v1alpha1.ScaleTarget;
import dev.keda4j.controller.k8s.KubeCallException;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.AppsV1Api;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.kubernetes.client.openapi.models.V1Scale;
import io.kubernetes.client.util.PatchUtils;
import java.util.Optional;

/**
 * The {@code /scale} subresource and pod template of a ScaledObject's target over client-java's
 * AppsV1Api (apps/v1 Deployments and StatefulSets). Every failure but "not found" throws {@link
 * KubeCallException}.
 */
public final class ScaleTargetClient {
  private static final int NOT_FOUND = 404;

  private final ApiClient client;
  private final AppsV1Api apps;

  public ScaleTargetClient(ApiClient client) {
    this.client = client;
    this.apps = new AppsV1Api(client);
  }

  /**
   * A resolved scale target.
   *
   * @param gvkr group, version, kind and resource
   * @param namespace the ScaledObject's namespace
   * @param name {@code scaleTargetRef.name}
   */
  public record Target(GroupVersionKindResource gvkr, String namespace, String name) {
    /** KEDA's GVK string, e.g. {@code apps/v1.Deployment}. */
    public String kindString() {
      return gvkr.getGroup() + "/" + gvkr.getVersion() + "." + gvkr.getKind();
    }

    boolean isDeployment() {
      return "deployments".equals(gvkr.getResource());
    }
  }

  /**
   * KEDA's ParseGVKR for the kinds this build scales.
   *
   * @throws IllegalArgumentException naming the unsupported kind
   */
  public static Target resolve(ScaleTarget ref, String namespace) {
    String apiVersion =
        ref.getApiVersion() == null || ref.getApiVersion().isEmpty()
            ? "apps/v1"
            : ref.getApiVersion();
    String kind = ref.getKind() == null || ref.getKind().isEmpty() ? "Deployment" : ref.getKind();
    int slash = apiVersion.indexOf('/');
    String group = slash < 0 ? "" : apiVersion.substring(0, slash);
    String version = slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
    String resource;
    if ("Deployment".equals(kind)) {
      resource = "deployments";
    } else if ("StatefulSet".equals(kind)) {
      resource = "statefulsets";
    } else {
      throw new IllegalArgumentException(
          "scaleTargetRef kind " + kind + " (" + apiVersion + ") is not supported by keda4j yet");
    }
    if (!"apps".equals(group) || !"v1".equals(version)) {
      throw new IllegalArgumentException(
          "scaleTargetRef apiVersion " + apiVersion + " is not supported for " + kind);
    }
    GroupVersionKindResource gvkr =
        new GroupVersionKindResource().group(group).version(version).kind(kind).resource(resource);
    return new Target(gvkr, namespace, ref.getName());
  }

  /** {@code /scale spec.replicas}; empty when the target does not exist. */
  public Optional<Integer> specReplicas(Target t) {
    String what = "get " + t.gvkr().getResource() + "/scale " + t.namespace() + "/" + t.name();
    try {
      V1Scale scale =
          t.isDeployment()
              ? apps.readNamespacedDeploymentScale(t.name(), t.namespace()).execute()
              : apps.readNamespacedStatefulSetScale(t.name(), t.namespace()).execute();
      Integer replicas = scale.getSpec() == null ? null : scale.getSpec().getReplicas();
      return Optional.of(replicas == null ? 0 : replicas);
    } catch (ApiException e) {
      if (e.getCode() == NOT_FOUND) {
        return Optional.empty();
      }
      throw new KubeCallException(what, e.getCode(), e);
    }
  }

  /** Sets {@code /scale spec.replicas} with a merge patch. */
  public void setReplicas(Target t, int replicas) {
    String what = "patch " + t.gvkr().getResource() + "/scale " + t.namespace() + "/" + t.name();
    V1Patch patch = new V1Patch("{\"spec\":{\"replicas\":" + replicas + "}}");
    try {
      PatchUtils.patch(
          V1Scale.class,
          () ->
              t.isDeployment()
                  ? apps.patchNamespacedDeploymentScale(t.name(), t.namespace(), patch)
                      .buildCall(null)
                  : apps.patchNamespacedStatefulSetScale(t.name(), t.namespace(), patch)
                      .buildCall(null),
          V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH,
          client);
    } catch (ApiException e) {
      throw new KubeCallException(what, e.getCode(), e);
    }
  }

  /** The target's pod template (for env resolution); null when it has none or is gone. */
  public V1PodTemplateSpec template(Target t) {
    String what = "get " + t.gvkr().getResource() + " " + t.namespace() + "/" + t.name();
    try {
      return t.isDeployment()
          ? apps.readNamespacedDeployment(t.name(), t.namespace()).execute().getSpec().getTemplate()
          : apps.readNamespacedStatefulSet(t.name(), t.namespace())
              .execute()
              .getSpec()
              .getTemplate();
    } catch (ApiException e) {
      if (e.getCode() == NOT_FOUND) {
        return null;
      }
      throw new KubeCallException(what, e.getCode(), e);
    }
  }
}
