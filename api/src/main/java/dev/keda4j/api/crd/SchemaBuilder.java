package dev.keda4j.api.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.gson.annotations.SerializedName;
import dev.keda4j.api.v1alpha1.CrdField;
import dev.keda4j.api.v1alpha1.CrdRule;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V2HPAScalingRules;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Builds structural OpenAPI v3 schemas by reflection: keda4j model classes are read through their
 * {@link SerializedName} fields and {@link CrdField}/{@link CrdRule} annotations, client-java
 * models through {@code @SerializedName} and their static {@code openapiFields} / {@code
 * openapiRequiredFields} sets. Output is deterministic (properties and required names sorted).
 */
public final class SchemaBuilder {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final String PRESERVE = "x-kubernetes-preserve-unknown-fields";

  private final Set<Class<?>> visiting = new HashSet<>();

  /** Schema of a Java type (class or parameterized List/Map). */
  public ObjectNode schemaOf(Type type) {
    if (type instanceof ParameterizedType pt) {
      Class<?> raw = (Class<?>) pt.getRawType();
      Type[] args = pt.getActualTypeArguments();
      if (Collection.class.isAssignableFrom(raw)) {
        ObjectNode n = F.objectNode();
        n.put("type", "array");
        n.set("items", schemaOf(args[0]));
        return n;
      }
      if (Map.class.isAssignableFrom(raw)) {
        ObjectNode n = F.objectNode();
        n.put("type", "object");
        n.set("additionalProperties", schemaOf(args[1]));
        return n;
      }
      return schemaOf(raw);
    }
    Class<?> c = (Class<?>) type;
    ObjectNode n = F.objectNode();
    if (c == String.class) {
      n.put("type", "string");
    } else if (c == Integer.class || c == int.class) {
      n.put("type", "integer");
      n.put("format", "int32");
    } else if (c == Long.class || c == long.class) {
      n.put("type", "integer");
      n.put("format", "int64");
    } else if (c == Boolean.class || c == boolean.class) {
      n.put("type", "boolean");
    } else if (c == Double.class || c == double.class || c == Float.class || c == float.class) {
      n.put("type", "number");
    } else if (c == OffsetDateTime.class) {
      n.put("type", "string");
      n.put("format", "date-time");
    } else if (c == byte[].class) {
      n.put("type", "string");
      n.put("format", "byte");
    } else if (c == IntOrString.class || c == Quantity.class) {
      ArrayNode any = n.putArray("anyOf");
      any.addObject().put("type", "integer");
      any.addObject().put("type", "string");
      n.put("x-kubernetes-int-or-string", true);
    } else if (c == V1ObjectMeta.class || c == Object.class) {
      n.put("type", "object");
      n.put(PRESERVE, true);
    } else if (c.isEnum()) {
      n.put("type", "string");
      ArrayNode e = n.putArray("enum");
      for (Object constant : c.getEnumConstants()) {
        e.add(constant.toString());
      }
    } else {
      return objectSchema(c);
    }
    return n;
  }

  /** Schema of a model class read field by field (never short-cut to preserve-unknown). */
  public ObjectNode objectSchema(Class<?> c) {
    ObjectNode n = F.objectNode();
    n.put("type", "object");
    if (!visiting.add(c)) {
      n.put(PRESERVE, true); // recursive type: not expressible in a structural schema
      return n;
    }
    try {
      Set<String> openapi = staticSet(c, "openapiFields");
      Set<String> required = new TreeSet<>(staticSet(c, "openapiRequiredFields"));
      Map<String, ObjectNode> props = new TreeMap<>();
      for (Field f : allFields(c)) {
        SerializedName sn = f.getAnnotation(SerializedName.class);
        if (sn == null || Modifier.isStatic(f.getModifiers())) {
          continue;
        }
        if (!openapi.isEmpty() && !openapi.contains(sn.value())) {
          continue;
        }
        ObjectNode p = schemaOf(f.getGenericType());
        CrdField cf = f.getAnnotation(CrdField.class);
        if (cf != null) {
          apply(cf, p);
          if (cf.required()) {
            required.add(sn.value());
          }
        }
        props.put(sn.value(), p);
      }
      patch(c, props, required);
      if (!props.isEmpty()) {
        ObjectNode pn = n.putObject("properties");
        props.forEach(pn::set);
      }
      if (!required.isEmpty()) {
        ArrayNode r = n.putArray("required");
        required.forEach(r::add);
      }
      CrdRule rule = c.getAnnotation(CrdRule.class);
      if (rule != null) {
        ObjectNode v = n.putArray("x-kubernetes-validations").addObject();
        v.put("message", rule.message());
        v.put("rule", rule.rule());
      }
      return n;
    } finally {
      visiting.remove(c);
    }
  }

  /** A deep copy of {@code node} with every object's keys in alphabetical order. */
  public static JsonNode sorted(JsonNode node) {
    if (node.isObject()) {
      ObjectNode out = F.objectNode();
      new TreeMap<String, JsonNode>(toMap(node)).forEach((k, v) -> out.set(k, sorted(v)));
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = F.arrayNode();
      node.forEach(e -> out.add(sorted(e)));
      return out;
    }
    return node.deepCopy();
  }

  private static Map<String, JsonNode> toMap(JsonNode node) {
    Map<String, JsonNode> m = new TreeMap<>();
    node.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue()));
    return m;
  }

  /** KEDA's CRD patches on embedded Kubernetes types. */
  private static void patch(Class<?> c, Map<String, ObjectNode> props, Set<String> required) {
    if (c == V2HPAScalingRules.class && props.containsKey("stabilizationWindowSeconds")) {
      props.get("stabilizationWindowSeconds").put("minimum", 0).put("maximum", 3600);
    }
    if (c == V1ContainerPort.class) {
      required.add("protocol");
    }
  }

  private static void apply(CrdField cf, ObjectNode p) {
    if (!cf.description().isEmpty()) {
      p.put("description", cf.description());
    }
    if (cf.minimum() != CrdField.UNSET) {
      p.put("minimum", cf.minimum());
    }
    if (cf.maximum() != CrdField.UNSET) {
      p.put("maximum", cf.maximum());
    }
    if (cf.minLength() >= 0) {
      p.put("minLength", cf.minLength());
    }
    if (cf.minItems() >= 0) {
      p.put("minItems", cf.minItems());
    }
    if (cf.enumValues().length > 0) {
      ArrayNode e = p.putArray("enum");
      for (String v : cf.enumValues()) {
        e.add(v);
      }
    }
    if (!cf.defaultValue().isEmpty()) {
      p.put("default", cf.defaultValue());
    }
  }

  private static Iterable<Field> allFields(Class<?> c) {
    java.util.List<Field> out = new java.util.ArrayList<>();
    for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
      out.addAll(java.util.Arrays.asList(k.getDeclaredFields()));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Set<String> staticSet(Class<?> c, String name) {
    try {
      Field f = c.getDeclaredField(name);
      if (Modifier.isStatic(f.getModifiers()) && Set.class.isAssignableFrom(f.getType())) {
        return new HashSet<>((Set<String>) f.get(null));
      }
    } catch (NoSuchFieldException | IllegalAccessException ignored) {
      // not a client-java model: all @SerializedName fields count
    }
    return new HashSet<>();
  }
}
