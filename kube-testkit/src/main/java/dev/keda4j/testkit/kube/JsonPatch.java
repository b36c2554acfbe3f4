package dev.keda4j.testkit.kube;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * JSON patch per RFC 6902 ({@code add}, {@code remove}, {@code replace}, {@code move}, {@code
 * copy}, {@code test}), applied in the fixture so that {@code /scale} and {@code /status} can be
 * json-patched too. One leniency, like the API server's: {@code replace} of a missing object member
 * adds it (client-java's {@code updateStatus} replaces {@code /status} on objects that have none).
 */
final class JsonPatch {

  /** A patch that cannot be applied; answered with 422. */
  static final class PatchException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PatchException(String message) {
      super(message);
    }
  }

  private JsonPatch() {}

  static JsonObject apply(JsonObject document, JsonArray operations) {
    Object doc = document.copy();
    for (Object o : operations) {
      if (!(o instanceof JsonObject op)) {
        throw new PatchException("a json patch operation must be an object: " + o);
      }
      doc = applyOne(doc, op);
    }
    if (!(doc instanceof JsonObject result)) {
      throw new PatchException("the patched document is not an object");
    }
    return result;
  }

  private static Object applyOne(Object doc, JsonObject op) {
    String kind = Objects.requireNonNullElse(op.getString("op"), "");
    List<String> path = pointer(op.getString("path"));
    switch (kind) {
      case "add":
        return add(doc, path, copy(op.getValue("value")), false);
      case "replace":
        get(doc, path.subList(0, Math.max(0, path.size() - 1)));
        remove(doc, path, true);
        return add(doc, path, copy(op.getValue("value")), true);
      case "remove":
        return remove(doc, path, false);
      case "move":
        {
          List<String> from = pointer(op.getString("from"));
          Object value = get(doc, from);
          return add(remove(doc, from, false), path, value, false);
        }
      case "copy":
        return add(doc, path, copy(get(doc, pointer(op.getString("from")))), false);
      case "test":
        if (!Objects.equals(normalise(get(doc, path)), normalise(op.getValue("value")))) {
          throw new PatchException("test failed at " + op.getString("path"));
        }
        return doc;
      default:
        throw new PatchException("unknown json patch op '" + kind + "'");
    }
  }

  static List<String> pointer(String p) {
    if (p == null) {
      throw new PatchException("json patch operation without path");
    }
    List<String> parts = new ArrayList<>();
    if (p.isEmpty()) {
      return parts;
    }
    if (!p.startsWith("/")) {
      throw new PatchException("bad json pointer " + p);
    }
    for (String s : p.substring(1).split("/", -1)) {
      parts.add(s.replace("~1", "/").replace("~0", "~"));
    }
    return parts;
  }

  private static Object get(Object doc, List<String> path) {
    Object at = doc;
    for (String key : path) {
      if (at instanceof JsonObject o && o.containsKey(key)) {
        at = o.getValue(key);
      } else if (at instanceof JsonArray a && index(key, a.size() - 1) >= 0) {
        at = a.getValue(index(key, a.size() - 1));
      } else {
        throw new PatchException("path not found: /" + String.join("/", path));
      }
    }
    return at;
  }

  private static Object add(Object doc, List<String> path, Object value, boolean replace) {
    if (path.isEmpty()) {
      return value;
    }
    Object parent = get(doc, path.subList(0, path.size() - 1));
    String last = path.get(path.size() - 1);
    if (parent instanceof JsonObject o) {
      o.put(last, value);
    } else if (parent instanceof JsonArray a) {
      int i = last.equals("-") ? a.size() : index(last, a.size());
      if (i < 0) {
        throw new PatchException("bad array index " + last);
      }
      if (replace && i < a.size()) {
        a.set(i, value);
      } else {
        a.getList().add(i, value);
      }
    } else {
      throw new PatchException("cannot add below a scalar at /" + String.join("/", path));
    }
    return doc;
  }

  private static Object remove(Object doc, List<String> path, boolean lenient) {
    if (path.isEmpty()) {
      throw new PatchException("cannot remove the whole document");
    }
    Object parent = get(doc, path.subList(0, path.size() - 1));
    String last = path.get(path.size() - 1);
    if (parent instanceof JsonObject o && o.containsKey(last)) {
      o.remove(last);
    } else if (parent instanceof JsonArray a && index(last, a.size() - 1) >= 0) {
      if (!lenient) {
        a.remove(index(last, a.size() - 1));
      }
    } else if (!lenient || parent instanceof JsonArray) {
      throw new PatchException("path not found: /" + String.join("/", path));
    }
    return doc;
  }

  private static int index(String s, int max) {
    try {
      int i = Integer.parseInt(s);
      return i >= 0 && i <= max ? i : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static Object copy(Object o) {
    if (o instanceof JsonObject j) {
      return j.copy();
    }
    return o instanceof JsonArray a ? a.copy() : o;
  }

  private static Object normalise(Object o) {
    return o instanceof Number n ? (Object) n.doubleValue() : o;
  }
}
