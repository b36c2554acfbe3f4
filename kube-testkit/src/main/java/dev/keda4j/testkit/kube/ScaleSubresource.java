package dev.keda4j.testkit.kube;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code /scale} subresource for any resource, as an {@code autoscaling/v1 Scale} built from
 * {@code spec.replicas}, {@code status.replicas} and the selector ({@code status.selector} when it
 * is a string, as custom resources publish it, else {@code spec.selector}). GET reads it; PUT and
 * PATCH (merge, strategic merge, json patch) change only {@code spec.replicas} of the object. The
 * mock would return or overwrite the whole object.
 */
final class ScaleSubresource {

  private final Backend backend;
  private final ResourceRegistry registry;

  ScaleSubresource(Backend backend, ResourceRegistry registry) {
    this.backend = backend;
    this.registry = registry;
  }

  Future<Answer> handle(String method, ApiPath path, String contentType, Buffer body) {
    String objectUri = path.withoutSubresource().objectPath();
    return backend
        .get(objectUri)
        .compose(
            reply -> {
              if (!reply.ok()) {
                return Future.succeededFuture(Answer.of(reply, "GET", path, registry));
              }
              JsonObject object = reply.json();
              JsonObject scale = scaleOf(object, path);
              if (method.equals("GET")) {
                return Future.succeededFuture(Answer.ok(scale));
              }
              JsonObject wanted;
              if (method.equals("PUT")) {
                wanted = StatusErrors.parse(body);
                if (wanted == null) {
                  return Future.succeededFuture(
                      Answer.error(400, "the body is not a Scale", path, registry));
                }
                String rv =
                    wanted.getJsonObject("metadata", new JsonObject()).getString("resourceVersion");
                if (rv != null && !rv.isEmpty() && !rv.equals(resourceVersion(object))) {
                  return Future.succeededFuture(
                      Answer.error(
                          409,
                          "Operation cannot be fulfilled on "
                              + path.resource()
                              + " \""
                              + path.name()
                              + "\": the object has been modified; please apply your changes to the latest"
                              + " version and try again",
                          path,
                          registry));
                }
              } else if (method.equals("PATCH")) {
                wanted = Patches.apply(scale, contentType, body);
              } else {
                return Future.succeededFuture(
                    Answer.error(405, method + " on scale", path, registry));
              }
              Object replicas = wanted.getJsonObject("spec", new JsonObject()).getValue("replicas");
              if (!(replicas instanceof Number n) || n.intValue() < 0) {
                return Future.succeededFuture(
                    Answer.error(
                        422, "spec.replicas must be a non-negative integer", path, registry));
              }
              JsonObject spec = object.getJsonObject("spec");
              if (spec == null) {
                spec = new JsonObject();
                object.put("spec", spec);
              }
              spec.put("replicas", n.intValue());
              return backend
                  .put(objectUri, object)
                  .map(
                      written ->
                          written.ok()
                              ? Answer.ok(scaleOf(written.json(), path))
                              : Answer.of(written, "PUT", path, registry));
            });
  }

  static JsonObject scaleOf(JsonObject object, ApiPath path) {
    JsonObject metadata = object.getJsonObject("metadata", new JsonObject());
    JsonObject spec = object.getJsonObject("spec", new JsonObject());
    JsonObject status = object.getJsonObject("status", new JsonObject());
    int defaultReplicas =
        path.group().equals("apps") || path.resource().equals("replicationcontrollers") ? 1 : 0;
    JsonObject scaleMeta =
        new JsonObject()
            .put("name", metadata.getString("name"))
            .put("uid", metadata.getString("uid"))
            .put("resourceVersion", metadata.getString("resourceVersion"))
            .put("creationTimestamp", metadata.getString("creationTimestamp"));
    if (metadata.getString("namespace") != null) {
      scaleMeta.put("namespace", metadata.getString("namespace"));
    }
    JsonObject scaleStatus = new JsonObject().put("replicas", status.getInteger("replicas", 0));
    String selector = selector(spec, status);
    if (selector != null) {
      scaleStatus.put("selector", selector);
    }
    return new JsonObject()
        .put("kind", "Scale")
        .put("apiVersion", "autoscaling/v1")
        .put("metadata", scaleMeta)
        .put("spec", new JsonObject().put("replicas", spec.getInteger("replicas", defaultReplicas)))
        .put("status", scaleStatus);
  }

  private static String selector(JsonObject spec, JsonObject status) {
    if (status.getValue("selector") instanceof String s) {
      return s;
    }
    Object sel = spec.getValue("selector");
    if (sel instanceof String s) {
      return s;
    }
    if (!(sel instanceof JsonObject o)) {
      return null;
    }
    if (!o.containsKey("matchLabels") && !o.containsKey("matchExpressions")) {
      sel = new JsonObject().put("matchLabels", o);
      o = (JsonObject) sel;
    }
    List<String> terms = new ArrayList<>();
    for (Map.Entry<String, Object> e : o.getJsonObject("matchLabels", new JsonObject())) {
      terms.add(e.getKey() + "=" + e.getValue());
    }
    for (Object x : o.getJsonArray("matchExpressions", new JsonArray())) {
      JsonObject expr = (JsonObject) x;
      String key = expr.getString("key");
      List<String> values = new ArrayList<>();
      expr.getJsonArray("values", new JsonArray()).forEach(v -> values.add(String.valueOf(v)));
      terms.add(
          switch (expr.getString("operator", "")) {
            case "In" -> key + " in (" + String.join(",", values) + ")";
            case "NotIn" -> key + " notin (" + String.join(",", values) + ")";
            case "DoesNotExist" -> "!" + key;
            default -> key;
          });
    }
    return String.join(",", terms);
  }

  private static String resourceVersion(JsonObject object) {
    return object.getJsonObject("metadata", new JsonObject()).getString("resourceVersion");
  }
}
