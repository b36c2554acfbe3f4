package dev.keda4j.adapter.http;

import dev.keda4j.adapter.MetricsSource;
import dev.keda4j.adapter.api.DiscoveryDocuments;
import dev.keda4j.adapter.api.KubeStatus;
import dev.keda4j.adapter.api.OpenApiDocuments;
import dev.keda4j.adapter.auth.Authorizer;
import dev.keda4j.adapter.auth.RequestAuthenticator;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** The secure port's routes: auth first, then discovery, metrics, OpenAPI, health, /metrics. */
public final class AdapterRoutes {
  private static final String GROUP_PATH = "/apis/" + DiscoveryDocuments.GROUP;
  private static final String GROUP_VERSION_PATH = "/apis/" + DiscoveryDocuments.GROUP_VERSION;

  private AdapterRoutes() {}

  /**
   * Everything the router needs.
   *
   * @param vertx the Vert.x instance
   * @param source metric values
   * @param metricReadTimeout bound of one read
   * @param authenticator the authenticator chain
   * @param authorizer the authorization policy
   * @param registry the adapter's own metrics
   * @param clock clock for timestamps
   * @param gitVersion {@code /version}
   * @param shuttingDown true once the server is closing ({@code /readyz} then fails)
   */
  public record Wiring(
      Vertx vertx,
      MetricsSource source,
      Duration metricReadTimeout,
      RequestAuthenticator authenticator,
      Authorizer authorizer,
      PrometheusMeterRegistry registry,
      Clock clock,
      String gitVersion,
      BooleanSupplier shuttingDown) {}

  public static Router router(Wiring w) {
    Router router = Router.router(w.vertx());
    OpenApiDocuments openApi = new OpenApiDocuments();
    router.route().handler(new RequestMetrics(w.registry()));
    router.route().handler(new AuthHandler(w.authenticator(), w.authorizer()));
    router
        .get(GROUP_VERSION_PATH + "/namespaces/:namespace/:metric")
        .handler(new MetricReadHandler(w.vertx(), w.source(), w.metricReadTimeout(), w.clock()));
    router
        .route(GROUP_VERSION_PATH + "/namespaces/:namespace/:metric")
        .handler(ctx -> Responses.status(ctx, KubeStatus.methodNotAllowed()));
    router.get("/apis").handler(ctx -> Responses.json(ctx, 200, DiscoveryDocuments.apiGroupList()));
    router.get(GROUP_PATH).handler(ctx -> Responses.json(ctx, 200, DiscoveryDocuments.apiGroup()));
    router
        .get(GROUP_VERSION_PATH)
        .handler(ctx -> Responses.json(ctx, 200, DiscoveryDocuments.apiResourceList()));
    router
        .get("/version")
        .handler(ctx -> Responses.json(ctx, 200, DiscoveryDocuments.version(w.gitVersion())));
    router.get("/openapi/v2").handler(ctx -> cached(ctx, openApi.v2(), openApi.v2Etag()));
    router.get("/openapi/v3").handler(ctx -> Responses.json(ctx, 200, openApi.v3Index()));
    router
        .get("/openapi/v3/" + OpenApiDocuments.V3_GROUP_PATH)
        .handler(ctx -> cached(ctx, openApi.v3Group(), openApi.v3GroupEtag()));
    HealthChecks health = new HealthChecks(w.shuttingDown());
    for (String check : new String[] {"/healthz", "/livez", "/readyz"}) {
      router.get(check).handler(health);
      router.get(check + "/:check").handler(health);
    }
    router
        .get("/metrics")
        .handler(
            ctx ->
                ctx.response()
                    .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                    .end(w.registry().scrape()));
    router.route().last().handler(ctx -> Responses.status(ctx, KubeStatus.notFound()));
    return router;
  }

  private static void cached(RoutingContext ctx, Buffer body, String etag) {
    if (etag.equals(ctx.request().getHeader("If-None-Match"))) {
      ctx.response().setStatusCode(304).putHeader("ETag", etag).end();
      return;
    }
    ctx.response()
        .putHeader("Content-Type", Responses.JSON)
        .putHeader("ETag", etag)
        .putHeader("Cache-Control", "no-cache, private")
        .end(body);
  }
}
