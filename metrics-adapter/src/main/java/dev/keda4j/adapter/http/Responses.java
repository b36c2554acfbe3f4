package dev.keda4j.adapter.http;

import dev.keda4j.adapter.api.KubeStatus;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Supplier;

/** Writes JSON bodies and Status failures the way the generic API server does. */
final class Responses {
  static final String JSON = "application/json";
  private static final byte NEWLINE = (byte) '\n';

  private Responses() {}

  static void json(RoutingContext ctx, int code, JsonObject body) {
    json(ctx, code, null, () -> body);
  }

  /**
   * Answers {@code compact} (already encoded, newline-terminated; null: encode {@code tree}), or
   * the pretty form of {@code tree} when {@code ?pretty=true} asks for it.
   */
  static void json(RoutingContext ctx, int code, Buffer compact, Supplier<JsonObject> tree) {
    if (ctx.response().ended()) {
      return;
    }
    boolean pretty = "true".equals(ctx.request().getParam("pretty"));
    ctx.response()
        .setStatusCode(code)
        .putHeader("Content-Type", JSON)
        .putHeader("Cache-Control", "no-cache, private")
        .end(
            pretty
                ? Buffer.buffer(tree.get().encodePrettily()).appendByte(NEWLINE)
                : compact != null ? compact : encoded(tree.get()));
  }

  private static Buffer encoded(JsonObject body) {
    Buffer buffer = body.toBuffer();
    return buffer.appendByte(NEWLINE);
  }

  static void status(RoutingContext ctx, KubeStatus status) {
    json(ctx, status.code(), status.toJson());
  }
}
