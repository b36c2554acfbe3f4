package dev.keda4j.testkit.kube;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reverse proxy in front of the mock. It counts and rate-limits every request, then routes it
 * to the class that fills the gap for it; everything else is forwarded to the mock unchanged, with
 * error bodies turned into {@code metav1.Status}.
 */
final class ApiProxy {

  private static final Logger LOG = LoggerFactory.getLogger(ApiProxy.class);
  private static final List<String> LIST_PARAMS_KEPT =
      List.of("fieldSelector", "limit", "continue");

  private final Vertx vertx;
  private final Backend backend;
  private final ResourceRegistry registry;
  private final Discovery discovery;
  private final ApiStats stats;
  private final WatchBridge watches;
  private final ScaleSubresource scale;
  private final Patches patches;
  private final GarbageCollector gc;
  private final TablePrinter tables;
  private volatile QpsLimiter limiter;

  ApiProxy(
      Vertx vertx,
      Backend backend,
      ResourceRegistry registry,
      Discovery discovery,
      ApiStats stats,
      long bookmarkIntervalMs) {
    this.vertx = vertx;
    this.backend = backend;
    this.registry = registry;
    this.discovery = discovery;
    this.stats = stats;
    this.watches = new WatchBridge(vertx, backend, registry, bookmarkIntervalMs);
    this.scale = new ScaleSubresource(backend, registry);
    this.patches = new Patches(backend, registry);
    this.gc = new GarbageCollector(backend);
    this.tables = new TablePrinter(registry, java.time.Clock.systemUTC());
  }

  void limit(QpsLimiter newLimiter) {
    this.limiter = newLimiter;
  }

  void handle(HttpServerRequest request) {
    String method = request.method().name();
    String path = request.path();
    stats.record(method, path, request.query());
    request
        .body()
        .onComplete(
            body -> {
              if (body.failed()) {
                return;
              }
              QpsLimiter l = limiter;
              long wait = l == null ? 0 : l.reserve();
              if (wait > 0) {
                vertx.setTimer(wait, t -> dispatch(request, method, path, body.result()));
              } else {
                dispatch(request, method, path, body.result());
              }
            });
  }

  private void dispatch(HttpServerRequest request, String method, String path, Buffer body) {
    ApiPath p = ApiPath.parse(path);
    Future<Answer> answer;
    try {
      if (Discovery.isDiscoveryPath(path) && method.equals("GET")) {
        answer =
            Future.succeededFuture(
                discovery
                    .document(path)
                    .map(Answer::ok)
                    .orElseGet(
                        () ->
                            Answer.error(
                                404,
                                "the server could not find the requested resource",
                                null,
                                registry)));
      } else if (!p.isResource()) {
        answer = forward(method, request.uri(), request, body, p);
      } else if (method.equals("GET") && ApiStats.isWatch(request.query())) {
        watches.serve(request, p);
        return;
      } else if ("scale".equals(p.subresource()) && p.name() != null) {
        answer = scale.handle(method, p, request.getHeader("Content-Type"), body);
      } else {
        answer = resource(method, request, p, body);
      }
    } catch (DecodeException | ClassCastException e) {
      answer =
          Future.succeededFuture(
              Answer.error(400, "bad request body: " + e.getMessage(), p, registry));
    }
    answer.onComplete(
        ar -> {
          Answer a =
              ar.succeeded()
                  ? ar.result()
                  : Answer.error(500, "stand-in proxy: " + ar.cause(), p, registry);
          if (ar.failed()) {
            LOG.warn("{} {} failed in the stand-in proxy", method, path, ar.cause());
          }
          if (!request.response().ended() && !request.response().closed()) {
            request
                .response()
                .setStatusCode(a.code())
                .putHeader(
                    "Content-Type", TablePrinter.contentType(a.body()).orElse("application/json"))
                .end(a.body().encode());
          }
        });
  }

  private Future<Answer> resource(
      String method, HttpServerRequest request, ApiPath p, Buffer body) {
    switch (method) {
      case "GET":
        {
          Future<Answer> got =
              p.name() == null
                  ? list(request, p)
                  : forward(method, request.uri(), request, body, p);
          String tableVersion = TablePrinter.requestedVersion(request.getHeader("Accept"));
          if (tableVersion == null || !tables.applies(p)) {
            return got;
          }
          String include = request.getParam("includeObject");
          return got.map(a -> a.code() >= 300 ? a : tables.table(a, p, tableVersion, include));
        }
      case "POST":
      case "PUT":
        {
          JsonObject object = StatusErrors.parse(body);
          if (object == null) {
            return Future.succeededFuture(
                Answer.error(400, "the body is not a JSON object: " + body, p, registry));
          }
          if (p.subresource() == null || p.subresource().equals("status")) {
            KindFiller.fill(object, p, registry);
          }
          if (method.equals("POST")
              && p.name() == null
              && object.getJsonObject("metadata").getString("name") == null) {
            return Future.succeededFuture(
                Answer.error(422, "metadata.name: Required value", p, registry));
          }
          return forward(method, request.uri(), request, object.toBuffer(), p)
              .compose(
                  a -> {
                    if (a.code() < 300 && p.resource().equals("customresourcedefinitions")) {
                      registry.registerCrd(a.body());
                    }
                    return afterWrite(a);
                  });
        }
      case "PATCH":
        return patches.handle(p, request.getHeader("Content-Type"), body).compose(this::afterWrite);
      case "DELETE":
        return p.name() == null ? deleteCollection(request, p) : delete(request, p, body);
      default:
        return forward(method, request.uri(), request, body, p);
    }
  }

  /**
   * An update that removed the last finalizer of a deleted object ends it: collect its dependents.
   */
  private Future<Answer> afterWrite(Answer a) {
    JsonObject metadata = a.body().getJsonObject("metadata");
    if (a.code() < 300
        && metadata != null
        && metadata.getString("deletionTimestamp") != null
        && GarbageCollector.isGone(a.body())) {
      return gc.ownerDeleted(a.body()).map(a);
    }
    return Future.succeededFuture(a);
  }

  private Future<Answer> list(HttpServerRequest request, ApiPath p) {
    SelectorFilter selector;
    try {
      selector = SelectorFilter.parse(request.getParam("labelSelector"));
    } catch (IllegalArgumentException e) {
      return Future.succeededFuture(Answer.error(400, e.getMessage(), p, registry));
    }
    StringBuilder uri = new StringBuilder(request.path());
    char sep = '?';
    for (String name : LIST_PARAMS_KEPT) {
      String value = request.getParam(name);
      if (value != null && !value.isEmpty()) {
        uri.append(sep)
            .append(name)
            .append('=')
            .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        sep = '&';
      }
    }
    return forward("GET", uri.toString(), request, null, p)
        .map(
            a -> {
              if (a.code() >= 300) {
                return a;
              }
              JsonArray items = a.body().getJsonArray("items", new JsonArray());
              JsonArray kept = new JsonArray();
              for (Object item : items) {
                if (item instanceof JsonObject o && selector.matches(o)) {
                  kept.add(o);
                }
              }
              a.body().put("items", kept);
              if (a.body().getString("kind") == null) {
                a.body().put("kind", registry.kindOf(p) + "List").put("apiVersion", p.apiVersion());
              }
              return a;
            });
  }

  private Future<Answer> delete(HttpServerRequest request, ApiPath p, Buffer body) {
    boolean orphan =
        "Orphan".equals(request.getParam("propagationPolicy"))
            || body.toString().contains("\"Orphan\"");
    return backend
        .get(p.objectPath())
        .compose(
            before -> {
              if (!before.ok()) {
                return Future.succeededFuture(Answer.of(before, "DELETE", p, registry));
              }
              return forward("DELETE", request.uri(), request, body, p)
                  .compose(
                      a -> {
                        if (a.code() >= 300 || orphan || !GarbageCollector.isGone(a.body())) {
                          return Future.succeededFuture(a);
                        }
                        return gc.ownerDeleted(before.json()).map(a);
                      });
            });
  }

  private Future<Answer> deleteCollection(HttpServerRequest request, ApiPath p) {
    return list(request, p)
        .compose(
            listed -> {
              if (listed.code() >= 300) {
                return Future.succeededFuture(listed);
              }
              List<Future<Void>> deletes = new java.util.ArrayList<>();
              for (Object item : listed.body().getJsonArray("items")) {
                JsonObject o = (JsonObject) item;
                String name = o.getJsonObject("metadata").getString("name");
                deletes.add(
                    backend
                        .delete(p.withName(name).objectPath())
                        .compose(
                            d ->
                                d.ok() && GarbageCollector.isGone(d.json())
                                    ? gc.ownerDeleted(o)
                                    : Future.succeededFuture()));
              }
              return Future.all(deletes).map(listed);
            });
  }

  private Future<Answer> forward(
      String method, String uri, HttpServerRequest request, Buffer body, ApiPath p) {
    return backend
        .send(method, uri, request.headers(), body)
        .map(
            reply -> {
              if (reply.ok() && reply.json() == null) {
                return new Answer(reply.code(), new JsonObject(Map.of()));
              }
              return Answer.of(reply, method, p, registry);
            });
  }

  void close() {
    watches.close();
  }
}
