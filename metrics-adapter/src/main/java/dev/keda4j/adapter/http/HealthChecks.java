package dev.keda4j.adapter.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.function.BooleanSupplier;

/**
 * {@code /healthz}, {@code /livez}, {@code /readyz} and their per-check paths, answering like the
 * generic API server: {@code ok}, or the list of checks with {@code ?verbose}. Readiness fails once
 * shutdown began, so the Service stops routing here before the listener closes.
 */
final class HealthChecks implements Handler<RoutingContext> {
  private final BooleanSupplier shuttingDown;

  HealthChecks(BooleanSupplier shuttingDown) {
    this.shuttingDown = shuttingDown;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String path = ctx.request().path();
    String endpoint = path.substring(1).split("/", -1)[0];
    String check = ctx.pathParam("check");
    boolean readiness = "readyz".equals(endpoint);
    boolean shutdownFailed = readiness && shuttingDown.getAsBoolean();
    if (check != null) {
      answerSingle(ctx, check, readiness, shutdownFailed);
      return;
    }
    boolean verbose = ctx.request().params().contains("verbose");
    StringBuilder body = new StringBuilder();
    if (verbose) {
      body.append("[+]ping ok\n").append("[+]log ok\n");
      if (readiness) {
        body.append(shutdownFailed ? "[-]shutdown failed: reason withheld\n" : "[+]shutdown ok\n");
      }
      body.append(endpoint).append(shutdownFailed ? " check failed" : " check passed");
    } else if (shutdownFailed) {
      body.append("[-]shutdown failed: reason withheld\n").append(endpoint).append(" check failed");
    } else {
      body.append("ok");
    }
    text(ctx, shutdownFailed ? 500 : 200, body.toString());
  }

  private static void answerSingle(
      RoutingContext ctx, String check, boolean readiness, boolean shutdownFailed) {
    switch (check) {
      case "ping", "log" -> text(ctx, 200, "ok");
      case "shutdown" -> {
        if (readiness) {
          text(ctx, shutdownFailed ? 500 : 200, shutdownFailed ? "internal server error" : "ok");
        } else {
          text(ctx, 404, "404 page not found");
        }
      }
      default -> text(ctx, 404, "404 page not found");
    }
  }

  private static void text(RoutingContext ctx, int code, String body) {
    ctx.response()
        .setStatusCode(code)
        .putHeader("Content-Type", "text/plain; charset=utf-8")
        .putHeader("X-Content-Type-Options", "nosniff")
        .end(body);
  }
}
