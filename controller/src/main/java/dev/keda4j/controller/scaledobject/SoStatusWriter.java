package dev.keda4j.controller.scaledobject;

import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import dev.keda4j.api.v1alpha1.KedaApi;
import dev.keda4j.api.v1alpha1.ScaledObject;
import dev.keda4j.api.v1alpha1.ScaledObjectStatus;
import dev.keda4j.controller.k8s.StatusPatcher;
import dev.keda4j.controller.k8s.StatusWriter;
import dev.keda4j.controller.scaledobject.status.StatusDiff;

/** Patches only the status fields {@link StatusDiff} reports as changed; nothing when none. */
final class SoStatusWriter {
  private SoStatusWriter() {}

  /**
   * @return true when a patch was sent
   * @throws dev.keda4j.controller.k8s.KubeCallException when the patch fails
   */
  static boolean write(StatusPatcher patcher, ScaledObject so, ScaledObjectStatus desired) {
    StatusDiff diff = StatusDiff.between(so.getStatus(), desired);
    if (diff.isEmpty()) {
      return false;
    }
    JsonObject tree = StatusWriter.tree(desired);
    JsonObject patch = new JsonObject();
    for (String field : diff.changedFields()) {
      patch.add(field, tree.has(field) ? tree.get(field) : JsonNull.INSTANCE);
    }
    patcher.patchStatus(
        KedaApi.GROUP,
        KedaApi.VERSION,
        KedaApi.SCALED_OBJECTS,
        so.getMetadata().getNamespace(),
        so.getMetadata().getName(),
        patch);
    return true;
  }

  /** A copy of the status (empty for null), to change and pass to {@link #write}. */
  static ScaledObjectStatus copy(ScaledObject so) {
    JsonObject tree = StatusWriter.tree(so.getStatus());
    return dev.keda4j.api.manifest.Manifests.gson().fromJson(tree, ScaledObjectStatus.class);
  }
}
