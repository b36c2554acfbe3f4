package dev.keda4j.controller.scaledobject;

import dev.keda4j.api.v1alpha1.GroupVersionKindResource;
import dev.keda4j.api.v1alpha1.ScaleTarget;
import dev.keda4j.controller.k8s.KubeCallException;
import io.kubernetes.client.Discovery;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.apis.AppsV1Api;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubernetes.client.openapi.models.V1APIResource;
import io.kubernetes.client.openapi.models.V1APIResourceList;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.kubernetes.client.openapi.models.V1Scale;
import io.kubernetes.client.util.PatchUtils;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code /scale} subresource and pod template of a ScaledObject's target: apps/v1 Deployments
 * and StatefulSets over AppsV1Api, any other kind resolved through API discovery (its plural and
 * whether it serves {@code /scale}) and scaled through its {@code /scale} subresource
 * (autoscaling/v1 Scale). Every failure but "not found" throws {@link KubeCallException}.
 */
public final class ScaleTargetClient {
  private static final int NOT_FOUND = 404;
  private static final int METHOD_NOT_ALLOWED = 405;

  private final ApiClient client;
  private final AppsV1Api apps;
  private final CoreV1Api core;
  private final CustomObjectsApi custom;
  private final Discovery discovery;

  /** group/version → kind → resource (discovery answers, kept for the process like KEDA's). */
  private final Map<String, Map<String, V1APIResource>> discovered = new ConcurrentHashMap<>();

  public ScaleTargetClient(ApiClient client) {
    this.client = client;
    this.apps = new AppsV1Api(client);
    this.core = new CoreV1Api(client);
    this.custom = new CustomObjectsApi(client);
    this.discovery = new Discovery(client);
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
      return "apps".equals(gvkr.getGroup()) && "deployments".equals(gvkr.getResource());
    }

    boolean isStatefulSet() {
      return "apps".equals(gvkr.getGroup()) && "statefulsets".equals(gvkr.getResource());
    }

    String describe() {
      return gvkr.getResource() + " " + namespace + "/" + name;
    }
  }

  /**
   * KEDA's ParseGVKR for the kinds resolved without I/O (apps/v1 Deployment and StatefulSet).
   *
   * @throws IllegalArgumentException naming the kind when it needs discovery ({@link
   *     #resolveTarget}) or the apiVersion is not apps/v1
   */
  public static Target resolve(ScaleTarget ref, String namespace) {
    String apiVersion = apiVersion(ref);
    String kind = kind(ref);
    String resource;
    if ("Deployment".equals(kind)) {
      resource = "deployments";
    } else if ("StatefulSet".equals(kind)) {
      resource = "statefulsets";
    } else {
      throw new IllegalArgumentException(
          "scaleTargetRef kind " + kind + " (" + apiVersion + ") needs API discovery");
    }
    String[] gv = groupVersion(apiVersion);
    if (!"apps".equals(gv[0]) || !"v1".equals(gv[1])) {
      throw new IllegalArgumentException(
          "scaleTargetRef apiVersion " + apiVersion + " is not supported for " + kind);
    }
    return new Target(gvkr(gv[0], gv[1], kind, resource), namespace, ref.getName());
  }

  /**
   * KEDA's ParseGVKR plus {@code checkTargetResourceIsScalable}'s mapping: Deployment and
   * StatefulSet directly, any other kind through API discovery.
   *
   * @throws TargetNotScalableException when discovery knows no such kind, or it has no {@code
   *     /scale} subresource (message names {@code scaleTargetRef.kind})
   * @throws KubeCallException when discovery itself fails
   */
  public Target resolveTarget(ScaleTarget ref, String namespace) {
    String apiVersion = apiVersion(ref);
    String kind = kind(ref);
    String[] gv = groupVersion(apiVersion);
    if ("apps".equals(gv[0]) && "v1".equals(gv[1])) {
      if ("Deployment".equals(kind) || "StatefulSet".equals(kind)) {
        return resolve(ref, namespace);
      }
    }
    V1APIResource r = discover(gv[0], gv[1]).get(kind);
    if (r == null) {
      throw new TargetNotScalableException(
          kind,
          "scaleTargetRef kind "
              + kind
              + " ("
              + apiVersion
              + ") is not served by the API server (no REST mapping)");
    }
    if (!discover(gv[0], gv[1]).containsKey(r.getName() + "/scale")) {
      throw new TargetNotScalableException(
          kind,
          "scaleTargetRef kind "
              + kind
              + " ("
              + apiVersion
              + ") doesn't expose /scale subresource");
    }
    return new Target(gvkr(gv[0], gv[1], kind, r.getName()), namespace, ref.getName());
  }

  /** kind → resource, plus {@code plural/scale} → the scale subresource, of one group/version. */
  private Map<String, V1APIResource> discover(String group, String version) {
    String gv = group.isEmpty() ? version : group + "/" + version;
    Map<String, V1APIResource> known = discovered.get(gv);
    if (known != null) {
      return known;
    }
    String path = group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
    V1APIResourceList list;
    try {
      list = discovery.resourceDiscovery(path);
    } catch (ApiException e) {
      if (e.getCode() == NOT_FOUND) {
        return Map.of();
      }
      throw new KubeCallException("discover " + path, e.getCode(), e);
    }
    Map<String, V1APIResource> byKind = new ConcurrentHashMap<>();
    for (V1APIResource r : list.getResources()) {
      if (r.getName().contains("/")) {
        byKind.put(r.getName(), r);
      } else {
        byKind.putIfAbsent(r.getKind(), r);
      }
    }
    discovered.put(gv, byKind);
    return byKind;
  }

  /** {@code /scale spec.replicas}; empty when the target does not exist. */
  public Optional<Integer> specReplicas(Target t) {
    return scale(t).map(s -> s.getSpec().getReplicas());
  }

  /**
   * The target's Scale; empty when the target does not exist.
   *
   * @throws TargetNotScalableException when the object exists but serves no {@code /scale}
   */
  public Optional<V1Scale> scale(Target t) {
    String what = "get " + t.describe() + "/scale";
    try {
      V1Scale scale;
      if (t.isDeployment()) {
        scale = apps.readNamespacedDeploymentScale(t.name(), t.namespace()).execute();
      } else if (t.isStatefulSet()) {
        scale = apps.readNamespacedStatefulSetScale(t.name(), t.namespace()).execute();
      } else if (group(t).isEmpty()) {
        scale = coreScale(t);
      } else {
        Object raw =
            custom
                .getNamespacedCustomObjectScale(
                    group(t),
                    t.gvkr().getVersion(),
                    t.namespace(),
                    t.gvkr().getResource(),
                    t.name())
                .execute();
        scale = JSON.deserialize(JSON.serialize(raw), V1Scale.class);
      }
      if (scale.getSpec() == null) {
        scale.spec(new io.kubernetes.client.openapi.models.V1ScaleSpec().replicas(0));
      } else if (scale.getSpec().getReplicas() == null) {
        scale.getSpec().replicas(0);
      }
      return Optional.of(scale);
    } catch (ApiException e) {
      if (e.getCode() == NOT_FOUND && (t.isDeployment() || t.isStatefulSet())) {
        return Optional.empty();
      }
      if (e.getCode() == NOT_FOUND || e.getCode() == METHOD_NOT_ALLOWED) {
        if (!exists(t)) {
          return Optional.empty();
        }
        throw new TargetNotScalableException(
            t.gvkr().getKind(),
            "scaleTargetRef kind "
                + t.gvkr().getKind()
                + " "
                + t.namespace()
                + "/"
                + t.name()
                + " doesn't expose /scale subresource");
      }
      throw new KubeCallException(what, e.getCode(), e);
    }
  }

  private V1Scale coreScale(Target t) throws ApiException {
    if (!"replicationcontrollers".equals(t.gvkr().getResource())) {
      throw new TargetNotScalableException(
          t.gvkr().getKind(),
          "scaleTargetRef kind " + t.gvkr().getKind() + " (v1) is not scalable by keda4j");
    }
    return core.readNamespacedReplicationControllerScale(t.name(), t.namespace()).execute();
  }

  /** Whether the target object itself exists (to tell "missing" from "no /scale"). */
  private boolean exists(Target t) {
    try {
      if (t.isDeployment()) {
        apps.readNamespacedDeployment(t.name(), t.namespace()).execute();
      } else if (t.isStatefulSet()) {
        apps.readNamespacedStatefulSet(t.name(), t.namespace()).execute();
      } else if (group(t).isEmpty()) {
        core.readNamespacedReplicationController(t.name(), t.namespace()).execute();
      } else {
        custom
            .getNamespacedCustomObject(
                group(t), t.gvkr().getVersion(), t.namespace(), t.gvkr().getResource(), t.name())
            .execute();
      }
      return true;
    } catch (ApiException e) {
      if (e.getCode() == NOT_FOUND) {
        return false;
      }
      throw new KubeCallException("get " + t.describe(), e.getCode(), e);
    }
  }

  /** Sets {@code /scale spec.replicas} with a merge patch. */
  public void setReplicas(Target t, int replicas) {
    String what = "patch " + t.describe() + "/scale";
    V1Patch patch = new V1Patch("{\"spec\":{\"replicas\":" + replicas + "}}");
    try {
      PatchUtils.patch(
          Object.class,
          () -> {
            if (t.isDeployment()) {
              return apps.patchNamespacedDeploymentScale(t.name(), t.namespace(), patch)
                  .buildCall(null);
            }
            if (t.isStatefulSet()) {
              return apps.patchNamespacedStatefulSetScale(t.name(), t.namespace(), patch)
                  .buildCall(null);
            }
            if (group(t).isEmpty()) {
              return core.patchNamespacedReplicationControllerScale(t.name(), t.namespace(), patch)
                  .buildCall(null);
            }
            return custom
                .patchNamespacedCustomObjectScale(
                    group(t),
                    t.gvkr().getVersion(),
                    t.namespace(),
                    t.gvkr().getResource(),
                    t.name(),
                    patch)
                .buildCall(null);
          },
          V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH,
          client);
    } catch (ApiException e) {
      throw new KubeCallException(what, e.getCode(), e);
    }
  }

  /**
   * Running and Ready pods selected by the target's {@code /scale status.selector} (fallback of
   * Value targets); 0 when there is no selector.
   */
  public int readyPods(Target t) {
    Optional<V1Scale> scale = scale(t);
    String selector =
        scale.map(s -> s.getStatus() == null ? null : s.getStatus().getSelector()).orElse(null);
    if (selector == null || selector.isEmpty()) {
      return 0;
    }
    try {
      List<V1Pod> pods =
          core.listNamespacedPod(t.namespace()).labelSelector(selector).execute().getItems();
      int ready = 0;
      for (V1Pod p : pods) {
        if (p.getStatus() != null
            && "Running".equals(p.getStatus().getPhase())
            && p.getStatus().getConditions() != null
            && p.getStatus().getConditions().stream()
                .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()))) {
          ready++;
        }
      }
      return ready;
    } catch (ApiException e) {
      throw new KubeCallException("list pods " + t.namespace() + " " + selector, e.getCode(), e);
    }
  }

  /**
   * The target's pod template (for env resolution); null when it has none or is gone. Kinds other
   * than Deployment/StatefulSet are read as unstructured objects ({@code spec.template}).
   */
  public V1PodTemplateSpec template(Target t) {
    String what = "get " + t.describe();
    try {
      if (t.isDeployment()) {
        return apps.readNamespacedDeployment(t.name(), t.namespace())
            .execute()
            .getSpec()
            .getTemplate();
      }
      if (t.isStatefulSet()) {
        return apps.readNamespacedStatefulSet(t.name(), t.namespace())
            .execute()
            .getSpec()
            .getTemplate();
      }
      if (group(t).isEmpty()) {
        return null;
      }
      Object raw =
          custom
              .getNamespacedCustomObject(
                  group(t), t.gvkr().getVersion(), t.namespace(), t.gvkr().getResource(), t.name())
              .execute();
      return unstructuredTemplate(raw);
    } catch (ApiException e) {
      if (e.getCode() == NOT_FOUND) {
        return null;
      }
      throw new KubeCallException(what, e.getCode(), e);
    }
  }

  private static V1PodTemplateSpec unstructuredTemplate(Object raw) {
    if (!(raw instanceof Map<?, ?> obj) || !(obj.get("spec") instanceof Map<?, ?> spec)) {
      return null;
    }
    Object template = spec.get("template");
    if (!(template instanceof Map<?, ?>)) {
      return null;
    }
    try {
      return JSON.deserialize(JSON.serialize(template), V1PodTemplateSpec.class);
    } catch (RuntimeException e) {
      // a template with fields the pod model does not know: no env resolution, as KEDA for CRs
      return null;
    }
  }

  private static String group(Target t) {
    return t.gvkr().getGroup() == null ? "" : t.gvkr().getGroup();
  }

  private static String apiVersion(ScaleTarget ref) {
    return ref.getApiVersion() == null || ref.getApiVersion().isEmpty()
        ? "apps/v1"
        : ref.getApiVersion();
  }

  private static String kind(ScaleTarget ref) {
    return ref.getKind() == null || ref.getKind().isEmpty() ? "Deployment" : ref.getKind();
  }

  private static String[] groupVersion(String apiVersion) {
    int slash = apiVersion.indexOf('/');
    return new String[] {
      slash < 0 ? "" : apiVersion.substring(0, slash),
      slash < 0 ? apiVersion : apiVersion.substring(slash + 1)
    };
  }

  private static GroupVersionKindResource gvkr(
      String group, String version, String kind, String resource) {
    return new GroupVersionKindResource()
        .group(group)
        .version(version)
        .kind(kind)
        .resource(resource);
  }
}
