package dev.keda4j.controller.scaledobject.hpa;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1OwnerReference;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscalerSpec;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * KEDA's update-if-needed rules (scaledobject.md §3.6): compare only what we own, so the live HPA
 * is replaced only when something we set changed.
 *
 * @param specChanged metrics count, behavior, or a desired spec field differs from the live one
 * @param labelsChanged a desired label is missing or different (extra live labels are fine)
 * @param annotationsChanged a desired annotation is missing/different, or we want none and the live
 *     HPA has some
 * @param ownerChanged the live HPA lacks our owner reference (an HPA adopted on request)
 */
public record HpaDiff(
    boolean specChanged, boolean labelsChanged, boolean annotationsChanged, boolean ownerChanged) {
  private static final JSON JSON_CODEC = new JSON();

  public HpaDiff(boolean specChanged, boolean labelsChanged, boolean annotationsChanged) {
    this(specChanged, labelsChanged, annotationsChanged, false);
  }

  public boolean needsUpdate() {
    return specChanged || labelsChanged || annotationsChanged || ownerChanged;
  }

  public static HpaDiff between(V2HorizontalPodAutoscaler desired, V2HorizontalPodAutoscaler live) {
    return new HpaDiff(
        specChanged(desired.getSpec(), live.getSpec()),
        !containsAll(desired.getMetadata().getLabels(), live.getMetadata().getLabels()),
        annotationsChanged(
            desired.getMetadata().getAnnotations(), live.getMetadata().getAnnotations()),
        ownerMissing(
            desired.getMetadata().getOwnerReferences(), live.getMetadata().getOwnerReferences()));
  }

  private static boolean ownerMissing(List<V1OwnerReference> desired, List<V1OwnerReference> live) {
    if (desired == null) {
      return false;
    }
    for (V1OwnerReference d : desired) {
      if (live == null || live.stream().noneMatch(l -> Objects.equals(d.getUid(), l.getUid()))) {
        return true;
      }
    }
    return false;
  }

  static boolean specChanged(
      V2HorizontalPodAutoscalerSpec desired, V2HorizontalPodAutoscalerSpec live) {
    if (live == null) {
      return true;
    }
    if (size(desired.getMetrics()) != size(live.getMetrics())) {
      return true;
    }
    // nil vs set matters for behavior: removing a pause annotation must bring back null.
    if (!Objects.equals(tree(desired.getBehavior()), tree(live.getBehavior()))) {
      return true;
    }
    return !isDerivative(tree(desired), tree(live));
  }

  private static boolean annotationsChanged(Map<String, String> desired, Map<String, String> live) {
    if (desired == null) {
      return live != null && !live.isEmpty();
    }
    return !containsAll(desired, live);
  }

  private static boolean containsAll(Map<String, String> desired, Map<String, String> live) {
    if (desired == null || desired.isEmpty()) {
      return true;
    }
    if (live == null) {
      return false;
    }
    for (Map.Entry<String, String> e : desired.entrySet()) {
      if (!Objects.equals(e.getValue(), live.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Go's {@code equality.Semantic.DeepDerivative} on JSON trees: every field set in {@code desired}
   * equals the live value; unset (absent, empty string, empty object) desired fields are ignored.
   */
  static boolean isDerivative(JsonElement desired, JsonElement live) {
    if (desired == null || desired.isJsonNull()) {
      return true;
    }
    if (desired.isJsonPrimitive()) {
      JsonPrimitive p = desired.getAsJsonPrimitive();
      if (p.isString() && p.getAsString().isEmpty()) {
        return true;
      }
      return desired.equals(live);
    }
    if (desired.isJsonObject()) {
      JsonObject d = desired.getAsJsonObject();
      if (d.size() == 0) {
        return true;
      }
      if (live == null || !live.isJsonObject()) {
        return false;
      }
      JsonObject l = live.getAsJsonObject();
      for (String key : d.keySet()) {
        if (!isDerivative(d.get(key), l.get(key))) {
          return false;
        }
      }
      return true;
    }
    JsonArray d = desired.getAsJsonArray();
    if (live == null || !live.isJsonArray() || live.getAsJsonArray().size() != d.size()) {
      return false;
    }
    for (int i = 0; i < d.size(); i++) {
      if (!isDerivative(d.get(i), live.getAsJsonArray().get(i))) {
        return false;
      }
    }
    return true;
  }

  private static JsonElement tree(Object o) {
    return o == null ? null : JSON_CODEC.getGson().toJsonTree(o);
  }

  private static int size(List<?> l) {
    return l == null ? 0 : l.size();
  }
}
