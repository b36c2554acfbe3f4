package dev.keda4j.controller.k8s;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubernetes.client.util.PatchUtils;

/**
 * JSON merge patches on the {@code /status} subresource of a keda.sh object. A merge patch needs no
 * resourceVersion, so the loop never races the controller's own writes into conflicts. Callers send
 * only the fields that changed.
 */
public final class StatusPatcher {
  private final ApiClient client;
  private final CustomObjectsApi custom;

  // JSON null deletes a field in a merge patch: it must be written, not dropped
  private static final Gson NULLS = new GsonBuilder().serializeNulls().create();

  public StatusPatcher(ApiClient client) {
    this.client = client;
    this.custom = new CustomObjectsApi(client);
  }

  /**
   * @param status the changed status fields (JSON null deletes a field)
   * @return the object as the server answered it (null when the answer was not a JSON object)
   */
  public JsonObject patchStatus(
      String group, String version, String plural, String ns, String name, JsonObject status) {
    JsonObject body = new JsonObject();
    body.add("status", status);
    V1Patch patch = new V1Patch(json(body));
    Object answer =
        KubeCalls.call(
            "patch status of " + plural + " " + ns + "/" + name,
            () ->
                PatchUtils.patch(
                    Object.class,
                    () ->
                        custom
                            .patchNamespacedCustomObjectStatus(
                                group, version, ns, plural, name, patch)
                            .buildCall(null),
                    V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH,
                    client));
    JsonElement tree = answer == null ? null : NULLS.toJsonTree(answer);
    return tree != null && tree.isJsonObject() ? tree.getAsJsonObject() : null;
  }

  /** A merge patch on the {@code /status} of a cluster-scoped keda.sh object. */
  public void patchClusterStatus(
      String group, String version, String plural, String name, JsonObject status) {
    JsonObject body = new JsonObject();
    body.add("status", status);
    V1Patch patch = new V1Patch(json(body));
    KubeCalls.call(
        "patch status of " + plural + " " + name,
        () ->
            PatchUtils.patch(
                Object.class,
                () ->
                    custom
                        .patchClusterCustomObjectStatus(group, version, plural, name, patch)
                        .buildCall(null),
                V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH,
                client));
  }

  /** A merge patch on the object itself (metadata, e.g. finalizers). */
  public void patchObject(
      String group, String version, String plural, String ns, String name, JsonObject body) {
    V1Patch patch = new V1Patch(json(body));
    KubeCalls.call(
        "patch " + plural + " " + ns + "/" + name,
        () ->
            PatchUtils.patch(
                Object.class,
                () ->
                    custom
                        .patchNamespacedCustomObject(group, version, ns, plural, name, patch)
                        .buildCall(null),
                V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH,
                client));
  }

  /** The patch body as sent, JSON nulls included. */
  static String json(JsonObject body) {
    return NULLS.toJson(body);
  }
}
