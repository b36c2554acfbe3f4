package dev.keda4j.testkit.kube;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/**
 * Error answers as {@code metav1.Status} documents. The mock often answers an error with an empty
 * or plain body, which makes client-java's {@code GenericKubernetesApi} throw instead of returning
 * a failed response.
 */
final class StatusErrors {

  private StatusErrors() {}

  static String reason(int code) {
    return switch (code) {
      case 400 -> "BadRequest";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "NotFound";
      case 405 -> "MethodNotAllowed";
      case 409 -> "Conflict";
      case 410 -> "Expired";
      case 415 -> "UnsupportedMediaType";
      case 422 -> "Invalid";
      case 429 -> "TooManyRequests";
      case 504 -> "Timeout";
      default -> code >= 500 ? "InternalError" : "Unknown";
    };
  }

  /** A Failure Status for this code; {@code path} (may be null) fills {@code details}. */
  static JsonObject status(int code, String message, ApiPath path, ResourceRegistry registry) {
    JsonObject status =
        new JsonObject()
            .put("kind", "Status")
            .put("apiVersion", "v1")
            .put("metadata", new JsonObject())
            .put("status", "Failure")
            .put("message", message)
            .put("reason", reason(code))
            .put("code", code);
    if (path != null && path.isResource()) {
      JsonObject details = new JsonObject().put("group", path.group()).put("kind", path.resource());
      if (path.name() != null) {
        details.put("name", path.name());
      }
      status.put("details", details);
    }
    return status;
  }

  /**
   * The body to send for an error answer of the mock: its own Status when it sent one (with {@code
   * reason} filled in when missing; a 409 on create is {@code AlreadyExists}), otherwise a new
   * Status.
   */
  static JsonObject normalise(
      int code, Buffer body, String method, ApiPath path, ResourceRegistry registry) {
    JsonObject parsed = parse(body);
    String what =
        path != null && path.isResource()
            ? path.resource() + (path.name() == null ? "" : " \"" + path.name() + "\"")
            : "resource";
    if (parsed != null && "Status".equals(parsed.getString("kind"))) {
      if (code == 404
          || code == 409
          || parsed.getString("reason") == null
          || parsed.getString("reason").isEmpty()) {
        parsed.put("reason", reasonFor(code, method));
      }
      parsed.put("code", code).put("status", "Failure");
      parsed.put("apiVersion", "v1");
      if (parsed.getValue("metadata") == null) {
        parsed.put("metadata", new JsonObject());
      }
      return parsed;
    }
    String message =
        switch (code) {
          case 404 -> what + " not found";
          case 409 ->
              "POST".equals(method)
                  ? what + " already exists"
                  : "Operation cannot be fulfilled on "
                      + what
                      + ": the object has been modified; please apply your changes to the latest version"
                      + " and try again";
          default -> body == null || body.length() == 0 ? reason(code) : body.toString();
        };
    return status(code, message, path, registry).put("reason", reasonFor(code, method));
  }

  private static String reasonFor(int code, String method) {
    return code == 409 && "POST".equals(method) ? "AlreadyExists" : reason(code);
  }

  static JsonObject parse(Buffer body) {
    if (body == null || body.length() == 0) {
      return null;
    }
    try {
      Object o = body.toJsonValue();
      return o instanceof JsonObject j ? j : null;
    } catch (DecodeException e) {
      return null;
    }
  }
}
