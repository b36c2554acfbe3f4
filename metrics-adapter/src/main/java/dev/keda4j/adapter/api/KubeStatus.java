package dev.keda4j.adapter.api;

import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * A {@code metav1.Status} failure. The HTTP status is {@link #code()}; an empty reason and absent
 * details are omitted like Go's {@code omitempty}.
 *
 * @param code HTTP status code
 * @param reason {@code StatusReason} ("" for plain provider errors)
 * @param message human-readable message (never contains credentials)
 * @param details {@code details} object or null
 */
public record KubeStatus(int code, String reason, String message, JsonObject details) {
  public static final String GROUP = "external.metrics.k8s.io";

  public KubeStatus {
    reason = Objects.requireNonNullElse(reason, "");
    message = Objects.requireNonNullElse(message, "");
  }

  /** A provider error: 500 with no reason, as the custom-metrics-apiserver writes plain errors. */
  public static KubeStatus internal(String message) {
    return new KubeStatus(500, "", message, null);
  }

  public static KubeStatus badRequest(String message) {
    return new KubeStatus(400, "BadRequest", message, null);
  }

  public static KubeStatus unauthorized() {
    return new KubeStatus(401, "Unauthorized", "Unauthorized", null);
  }

  public static KubeStatus notFound() {
    return new KubeStatus(
        404, "NotFound", "the server could not find the requested resource", new JsonObject());
  }

  public static KubeStatus methodNotAllowed() {
    return new KubeStatus(
        405,
        "MethodNotAllowed",
        "the server does not allow this method on the requested resource",
        new JsonObject());
  }

  /**
   * {@code responsewriters.Forbidden} for a metric read: {@code <metric>.external.metrics.k8s.io is
   * forbidden: User "u" cannot list resource "<metric>" in API group "external.metrics.k8s.io" in
   * the namespace "<ns>"}, plus {@code : <reason>} when the authorizer gave one.
   */
  public static KubeStatus forbiddenResource(
      String user, String verb, String resource, String namespace, String reason) {
    String why =
        "User \""
            + user
            + "\" cannot "
            + verb
            + " resource \""
            + resource
            + "\" in API group \""
            + GROUP
            + "\" in the namespace \""
            + namespace
            + "\""
            + suffix(reason);
    return new KubeStatus(
        403,
        "Forbidden",
        resource + "." + GROUP + " is forbidden: " + why,
        new JsonObject().put("group", GROUP).put("kind", resource));
  }

  /** Forbidden for a non-resource path: {@code forbidden: User "u" cannot get path "/apis"}. */
  public static KubeStatus forbiddenPath(String user, String verb, String path, String reason) {
    String why = "User \"" + user + "\" cannot " + verb + " path \"" + path + "\"" + suffix(reason);
    return new KubeStatus(403, "Forbidden", "forbidden: " + why, new JsonObject());
  }

  private static String suffix(String reason) {
    return reason == null || reason.isEmpty() ? "" : ": " + reason;
  }

  /** The wire form, fields in Go's order. */
  public JsonObject toJson() {
    JsonObject json =
        new JsonObject()
            .put("kind", "Status")
            .put("apiVersion", "v1")
            .put("metadata", new JsonObject())
            .put("status", "Failure")
            .put("message", message);
    if (!reason.isEmpty()) {
      json.put("reason", reason);
    }
    if (details != null) {
      json.put("details", details.copy());
    }
    return json.put("code", code);
  }
}
