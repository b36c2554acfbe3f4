package dev.keda4j.testkit.kube;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * HTTP streaming watches ({@code GET ...?watch=true}, chunked, one JSON event a line) bridged to
 * the mock's WebSocket watch, which is the only kind it serves. Per watch:
 *
 * <ul>
 *   <li>the mock replays every stored object as ADDED; events at or below the requested {@code
 *       resourceVersion} are dropped, so an informer that listed at version N sees only newer
 *       changes;
 *   <li>{@code labelSelector} (any syntax) is applied here; an object that stops matching is sent
 *       as DELETED;
 *   <li>{@code allowWatchBookmarks=true} adds a BOOKMARK with the newest version seen every
 *       bookmark interval;
 *   <li>{@code timeoutSeconds} ends the stream, as the API server does.
 * </ul>
 */
final class WatchBridge {

  private final Vertx vertx;
  private final WebSocketClient client;
  private final Backend backend;
  private final ResourceRegistry registry;
  private final long bookmarkIntervalMs;

  WatchBridge(Vertx vertx, Backend backend, ResourceRegistry registry, long bookmarkIntervalMs) {
    this.vertx = vertx;
    this.client =
        vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(10_000));
    this.backend = backend;
    this.registry = registry;
    this.bookmarkIntervalMs = bookmarkIntervalMs;
  }

  void serve(HttpServerRequest request, ApiPath path) {
    HttpServerResponse response = request.response();
    String fieldSelector = request.getParam("fieldSelector");
    String uri =
        path.collectionPath()
            + "?watch=true"
            + (fieldSelector == null || fieldSelector.isEmpty()
                ? ""
                : "&fieldSelector=" + URLEncoder.encode(fieldSelector, StandardCharsets.UTF_8));
    WebSocketConnectOptions options =
        new WebSocketConnectOptions().setHost(backend.host()).setPort(backend.port()).setURI(uri);
    State state =
        new State(
            parseVersion(request.getParam("resourceVersion")),
            SelectorFilter.parse(request.getParam("labelSelector")),
            kindOf(path),
            path.apiVersion());
    client
        .connect(options)
        .onComplete(
            ar -> {
              if (ar.failed()) {
                Answer a =
                    Answer.error(500, "watch failed: " + ar.cause().getMessage(), path, registry);
                response
                    .setStatusCode(a.code())
                    .putHeader("Content-Type", "application/json")
                    .end(a.body().encode());
                return;
              }
              WebSocket ws = ar.result();
              response
                  .setChunked(true)
                  .setStatusCode(200)
                  .putHeader("Content-Type", "application/json")
                  .putHeader("Transfer-Encoding", "chunked");
              response.write("");
              long bookmarks =
                  "true".equals(request.getParam("allowWatchBookmarks"))
                      ? vertx.setPeriodic(bookmarkIntervalMs, t -> bookmark(response, state))
                      : -1;
              long timeout = timeoutMs(request.getParam("timeoutSeconds"));
              long timer = timeout > 0 ? vertx.setTimer(timeout, t -> endQuietly(response)) : -1;
              Runnable stop =
                  () -> {
                    vertx.cancelTimer(bookmarks);
                    vertx.cancelTimer(timer);
                    if (!ws.isClosed()) {
                      ws.close();
                    }
                  };
              response.closeHandler(v -> stop.run());
              response.endHandler(v -> stop.run());
              ws.closeHandler(
                  v -> {
                    stop.run();
                    endQuietly(response);
                  });
              ws.textMessageHandler(text -> onEvent(text, response, state));
              ws.binaryMessageHandler(buffer -> onEvent(buffer.toString(), response, state));
            });
  }

  private void onEvent(String text, HttpServerResponse response, State state) {
    JsonObject event;
    try {
      event = new JsonObject(text);
    } catch (DecodeException e) {
      return;
    }
    JsonObject object = event.getJsonObject("object");
    String type = event.getString("type", "");
    if (object == null) {
      return;
    }
    JsonObject metadata = object.getJsonObject("metadata", new JsonObject());
    long version = parseVersion(metadata.getString("resourceVersion"));
    String uid = metadata.getString("uid", metadata.getString("name"));
    state.newest = Math.max(state.newest, version);
    boolean matches = state.selector.matches(object);
    boolean knew = state.matching.contains(uid);
    if (type.equals("ADDED") && state.since >= 0 && version >= 0 && version <= state.since) {
      if (matches) {
        state.matching.add(uid);
      }
      return;
    }
    if (!matches) {
      if (knew && !type.equals("DELETED")) {
        state.matching.remove(uid);
        write(response, new JsonObject().put("type", "DELETED").put("object", object));
      }
      return;
    }
    if (type.equals("DELETED")) {
      state.matching.remove(uid);
    } else {
      state.matching.add(uid);
      if (!knew && type.equals("MODIFIED") && !state.selector.selectsEverything()) {
        event.put("type", "ADDED");
      }
    }
    write(response, event);
  }

  private void bookmark(HttpServerResponse response, State state) {
    long version = Math.max(state.newest, state.since);
    if (version < 0) {
      return;
    }
    JsonObject object =
        new JsonObject()
            .put("kind", state.kind)
            .put("apiVersion", state.apiVersion)
            .put("metadata", new JsonObject().put("resourceVersion", Long.toString(version)));
    write(response, new JsonObject().put("type", "BOOKMARK").put("object", object));
  }

  private static void write(HttpServerResponse response, JsonObject event) {
    if (!response.ended() && !response.closed()) {
      response.write(event.encode() + "\n");
    }
  }

  private static void endQuietly(HttpServerResponse response) {
    if (!response.ended() && !response.closed()) {
      response.end();
    }
  }

  private String kindOf(ApiPath path) {
    return registry.kindOf(path);
  }

  private static long timeoutMs(String seconds) {
    try {
      return seconds == null ? 0 : Long.parseLong(seconds) * 1000;
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  static long parseVersion(String version) {
    if (version == null || version.isEmpty()) {
      return -1;
    }
    try {
      return Long.parseLong(version);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** What one watch remembers. Touched only on the event loop of its connection. */
  private static final class State {
    final long since;
    final SelectorFilter selector;
    final String kind;
    final String apiVersion;
    final Set<String> matching = new HashSet<>();
    long newest = -1;

    State(long since, SelectorFilter selector, String kind, String apiVersion) {
      this.since = since == 0 ? -1 : since;
      this.selector = selector;
      this.kind = kind;
      this.apiVersion = apiVersion;
    }
  }

  void close() {
    client.close();
  }
}
