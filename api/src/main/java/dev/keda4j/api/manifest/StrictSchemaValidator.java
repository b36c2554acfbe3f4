package dev.keda4j.api.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keda4j.api.v1alpha1.ScaledObjectSpec;
import dev.keda4j.api.v1alpha1.SpecError;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Validates a JSON tree against a structural CRD schema, strictly: an object schema that declares
 * {@code properties} and is not {@code x-kubernetes-preserve-unknown-fields} rejects unknown keys
 * (the API server would silently prune them). Checks types, int-or-string, enum, minimum/maximum,
 * minLength, minItems, required fields and the known CEL rules (evaluated in Java).
 */
public final class StrictSchemaValidator {
  /** CEL rules keda4j's CRDs use, evaluated on the object the rule is attached to. */
  private static final Map<String, Predicate<JsonNode>> CEL =
      Map.of(ScaledObjectSpec.MIN_LE_MAX_RULE, StrictSchemaValidator::minLeMax);

  private StrictSchemaValidator() {}

  /** All problems of {@code value} at {@code path} (use "" for the root). */
  public static List<SpecError> validate(JsonNode schema, JsonNode value, String path) {
    List<SpecError> out = new ArrayList<>();
    walk(schema, value, path, out);
    return out;
  }

  private static void walk(JsonNode schema, JsonNode value, String path, List<SpecError> out) {
    if (schema.path("x-kubernetes-int-or-string").asBoolean(false)) {
      if (!value.isIntegralNumber() && !value.isTextual()) {
        out.add(err(path, "expected integer or string, got " + describe(value)));
      }
      return;
    }
    String type = schema.path("type").asText("");
    if (!type.isEmpty() && !typeMatches(type, value)) {
      out.add(err(path, "expected " + type + ", got " + describe(value)));
      return;
    }
    checkScalar(schema, value, path, out);
    if (value.isArray()) {
      int min = schema.path("minItems").asInt(-1);
      if (min >= 0 && value.size() < min) {
        out.add(err(path, "should have at least " + min + " item(s), got " + value.size()));
      }
      JsonNode items = schema.path("items");
      if (items.isObject()) {
        for (int i = 0; i < value.size(); i++) {
          walk(items, value.get(i), path + "[" + i + "]", out);
        }
      }
    } else if (value.isObject()) {
      checkObject(schema, value, path, out);
    }
  }

  private static void checkObject(
      JsonNode schema, JsonNode value, String path, List<SpecError> out) {
    JsonNode props = schema.path("properties");
    JsonNode additional = schema.path("additionalProperties");
    boolean preserve = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
    for (JsonNode r : schema.path("required")) {
      JsonNode v = value.get(r.asText());
      if (v == null || v.isNull()) {
        out.add(err(child(path, r.asText()), "required field is missing"));
      }
    }
    Iterator<Map.Entry<String, JsonNode>> it = value.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey();
      JsonNode v = e.getValue();
      String p = child(path, key);
      if (props.has(key)) {
        if (!v.isNull()) {
          walk(props.get(key), v, p, out);
        }
      } else if (additional.isObject()) {
        walk(additional, v, p, out);
      } else if (!preserve && props.isObject() && props.size() > 0) {
        String hint = Suggestions.closest(key, props.fieldNames());
        out.add(
            err(p, "unknown field" + (hint == null ? "" : " (did you mean \"" + hint + "\"?)")));
      }
    }
    for (JsonNode rule : schema.path("x-kubernetes-validations")) {
      Predicate<JsonNode> check = CEL.get(rule.path("rule").asText());
      if (check != null && !check.test(value)) {
        out.add(err(path, rule.path("message").asText()));
      }
    }
  }

  private static void checkScalar(
      JsonNode schema, JsonNode value, String path, List<SpecError> out) {
    JsonNode en = schema.path("enum");
    if (en.isArray() && en.size() > 0) {
      boolean found = false;
      List<String> allowed = new ArrayList<>();
      for (JsonNode a : en) {
        allowed.add("\"" + a.asText() + "\"");
        found |= a.equals(value);
      }
      if (!found) {
        out.add(
            err(
                path,
                "unsupported value "
                    + describeValue(value)
                    + ": supported values: "
                    + String.join(", ", allowed)));
      }
    }
    if (value.isNumber()) {
      if (schema.has("minimum") && value.asDouble() < schema.get("minimum").asDouble()) {
        out.add(
            err(
                path,
                "should be greater than or equal to "
                    + schema.get("minimum").asText()
                    + ", got "
                    + value.asText()));
      }
      if (schema.has("maximum") && value.asDouble() > schema.get("maximum").asDouble()) {
        out.add(
            err(
                path,
                "should be less than or equal to "
                    + schema.get("maximum").asText()
                    + ", got "
                    + value.asText()));
      }
    }
    if (value.isTextual() && schema.has("minLength")) {
      int min = schema.get("minLength").asInt();
      if (value.asText().length() < min) {
        out.add(err(path, "should be at least " + min + " chars long"));
      }
    }
  }

  private static boolean typeMatches(String type, JsonNode v) {
    switch (type) {
      case "string":
        return v.isTextual();
      case "integer":
        return v.isIntegralNumber();
      case "number":
        return v.isNumber();
      case "boolean":
        return v.isBoolean();
      case "object":
        return v.isObject();
      case "array":
        return v.isArray();
      default:
        return true;
    }
  }

  /** {@code !has(self.minReplicaCount) || self.minReplicaCount <= (max or 100)}. */
  private static boolean minLeMax(JsonNode spec) {
    JsonNode min = spec.get("minReplicaCount");
    if (min == null || min.isNull()) {
      return true;
    }
    JsonNode max = spec.get("maxReplicaCount");
    long m = max == null || max.isNull() ? 100 : max.asLong();
    return min.asLong() <= m;
  }

  static String describe(JsonNode v) {
    String t;
    if (v.isTextual()) {
      t = "string";
    } else if (v.isIntegralNumber()) {
      t = "integer";
    } else if (v.isNumber()) {
      t = "number";
    } else if (v.isBoolean()) {
      t = "boolean";
    } else if (v.isArray()) {
      return "array";
    } else if (v.isObject()) {
      return "object";
    } else {
      return "null";
    }
    return t + " " + describeValue(v);
  }

  private static String describeValue(JsonNode v) {
    String s = v.isTextual() ? "\"" + v.asText() + "\"" : v.toString();
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
  }

  static String child(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private static SpecError err(String path, String message) {
    return new SpecError(path, message);
  }
}
