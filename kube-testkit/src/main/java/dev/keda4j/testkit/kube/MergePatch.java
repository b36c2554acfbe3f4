package dev.keda4j.testkit.kube;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON merge patch per RFC 7386, applied in the fixture: the mock appends to arrays instead of
 * replacing them. Strategic merge patch is approximated by the same merge, except that arrays of
 * objects that all carry a {@code name} (containers, env, ports, conditions by {@code type}) are
 * merged element by element on that key, as the built-in types' patch strategies do; {@code
 * $patch}/{@code $retainKeys} directives are not supported.
 */
final class MergePatch {

  private MergePatch() {}

  /** RFC 7386: objects merge recursively, {@code null} removes a key, everything else replaces. */
  static Object apply(Object target, Object patch) {
    return merge(target, patch, false);
  }

  /** The strategic-merge approximation described in the class comment. */
  static Object applyStrategic(Object target, Object patch) {
    return merge(target, patch, true);
  }

  private static Object merge(Object target, Object patch, boolean strategic) {
    if (!(patch instanceof JsonObject p)) {
      if (strategic && patch instanceof JsonArray pa && target instanceof JsonArray ta) {
        return mergeByKey(ta, pa);
      }
      return copy(patch);
    }
    JsonObject result = target instanceof JsonObject t ? t.copy() : new JsonObject();
    for (Map.Entry<String, Object> e : p) {
      if (e.getValue() == null) {
        result.remove(e.getKey());
      } else {
        result.put(e.getKey(), merge(result.getValue(e.getKey()), e.getValue(), strategic));
      }
    }
    return result;
  }

  private static Object mergeByKey(JsonArray target, JsonArray patch) {
    String key = mergeKey(target, patch);
    if (key == null) {
      return patch.copy();
    }
    Map<Object, Object> merged = new LinkedHashMap<>();
    for (Object o : target) {
      merged.put(((JsonObject) o).getValue(key), o);
    }
    for (Object o : patch) {
      Object k = ((JsonObject) o).getValue(key);
      merged.put(k, merge(merged.get(k), o, true));
    }
    return new JsonArray(new java.util.ArrayList<>(merged.values()));
  }

  private static String mergeKey(JsonArray target, JsonArray patch) {
    for (String key : new String[] {"name", "type"}) {
      if (allHave(target, key) && allHave(patch, key) && !patch.isEmpty()) {
        return key;
      }
    }
    return null;
  }

  private static boolean allHave(JsonArray a, String key) {
    for (Object o : a) {
      if (!(o instanceof JsonObject j) || j.getValue(key) == null) {
        return false;
      }
    }
    return true;
  }

  private static Object copy(Object o) {
    if (o instanceof JsonObject j) {
      return j.copy();
    }
    return o instanceof JsonArray a ? a.copy() : o;
  }
}
