package dev.keda4j.controller.k8s;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import dev.keda4j.api.manifest.Manifests;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a keda.sh object's status with a merge patch on {@code /status}, and only the top-level
 * fields that differ from what is known to be stored — nothing at all when nothing changed.
 */
public final class StatusWriter {
  private final StatusPatcher patcher;

  public StatusWriter(StatusPatcher patcher) {
    this.patcher = patcher;
  }

  /** The status object as a JSON tree (empty for null). */
  public static JsonObject tree(Object status) {
    if (status == null) {
      return new JsonObject();
    }
    JsonElement e = Manifests.gson().toJsonTree(status);
    return e.isJsonObject() ? e.getAsJsonObject() : new JsonObject();
  }

  /**
   * The merge patch from {@code known} to {@code desired} over the fields {@code desired} sets or
   * {@code managed} names (a managed field absent from desired is deleted); empty when equal.
   */
  public static Optional<JsonObject> diff(
      JsonObject known, JsonObject desired, java.util.Set<String> managed) {
    JsonObject patch = new JsonObject();
    for (Map.Entry<String, JsonElement> e : desired.entrySet()) {
      if (!e.getValue().equals(known.get(e.getKey()))) {
        patch.add(e.getKey(), withDeletions(known.get(e.getKey()), e.getValue()));
      }
    }
    for (String field : managed) {
      if (!desired.has(field) && known.has(field)) {
        patch.add(field, JsonNull.INSTANCE);
      }
    }
    return patch.size() == 0 ? Optional.empty() : Optional.of(patch);
  }

  // Merge patch merges maps: a key that disappeared must be sent as null to be removed
  private static JsonElement withDeletions(JsonElement known, JsonElement desired) {
    if (known == null || !known.isJsonObject() || !desired.isJsonObject()) {
      return desired;
    }
    JsonObject out = desired.getAsJsonObject().deepCopy();
    for (String k : known.getAsJsonObject().keySet()) {
      if (!out.has(k)) {
        out.add(k, JsonNull.INSTANCE);
      }
    }
    return out;
  }

  /**
   * Patches the changed fields of {@code desired}; returns true when a write was sent.
   *
   * @throws KubeCallException when the write fails
   */
  public boolean write(
      String group,
      String version,
      String plural,
      String ns,
      String name,
      JsonObject known,
      JsonObject desired,
      java.util.Set<String> managed) {
    Optional<JsonObject> patch = diff(known, desired, managed);
    if (patch.isEmpty()) {
      return false;
    }
    patcher.patchStatus(group, version, plural, ns, name, patch.get());
    return true;
  }
}
