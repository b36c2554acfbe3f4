package dev.keda4j.testkit.kube;

import io.vertx.core.json.JsonObject;

/** What the proxy sends back for a non-streaming request: a status code and a JSON body. */
record Answer(int code, JsonObject body) {

  static Answer ok(JsonObject body) {
    return new Answer(200, body);
  }

  static Answer error(int code, String message, ApiPath path, ResourceRegistry registry) {
    return new Answer(code, StatusErrors.status(code, message, path, registry));
  }

  /** An answer of the mock, with error bodies turned into {@code metav1.Status}. */
  static Answer of(Backend.Reply reply, String method, ApiPath path, ResourceRegistry registry) {
    if (reply.ok()) {
      JsonObject body = reply.json();
      return new Answer(reply.code(), body == null ? new JsonObject() : body);
    }
    return new Answer(
        reply.code(), StatusErrors.normalise(reply.code(), reply.body(), method, path, registry));
  }
}
