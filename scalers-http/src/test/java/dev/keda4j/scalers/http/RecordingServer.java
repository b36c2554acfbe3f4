package dev.keda4j.scalers.http;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A loopback HTTP(S) server for scaler tests: each path answers a fixed status and body, and the
 * last request per path (headers, query, whether a client certificate came) is kept.
 */
public final class RecordingServer implements AutoCloseable {
  /** What one path answers. */
  public record Reply(int status, String contentType, String body) {}

  /** What the server saw. */
  public record Seen(MultiMap headers, MultiMap params, String uri, boolean clientCertificate) {}

  private final Map<String, Reply> replies = new ConcurrentHashMap<>();
  private final Map<String, Seen> seen = new ConcurrentHashMap<>();
  private final HttpServer server;
  private final String scheme;

  public RecordingServer(Vertx vertx, HttpServerOptions options) throws Exception {
    this.scheme = options.isSsl() ? "https" : "http";
    this.server =
        vertx
            .createHttpServer(options.setHost("127.0.0.1").setPort(0))
            .requestHandler(this::handle)
            .listen()
            .toCompletionStage()
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
  }

  private void handle(HttpServerRequest req) {
    boolean clientCert;
    try {
      clientCert = req.isSSL() && !req.connection().peerCertificates().isEmpty();
    } catch (Exception e) {
      clientCert = false;
    }
    seen.put(req.path(), new Seen(req.headers(), req.params(), req.uri(), clientCert));
    Reply r = replies.getOrDefault(req.path(), new Reply(404, "text/plain", "not found"));
    req.response()
        .setStatusCode(r.status())
        .putHeader("Content-Type", r.contentType())
        .end(r.body());
  }

  /** Serves {@code body} with status 200 at {@code path}. */
  public String serve(String path, String contentType, String body) {
    return serve(path, 200, contentType, body);
  }

  /** Serves {@code status}/{@code body} at {@code path}; returns the absolute URL. */
  public String serve(String path, int status, String contentType, String body) {
    replies.put(path, new Reply(status, contentType, body));
    return url() + path;
  }

  /** The last request to {@code path}, or null. */
  public Seen seen(String path) {
    return seen.get(path);
  }

  public String url() {
    return scheme + "://127.0.0.1:" + server.actualPort();
  }

  @Override
  public void close() throws Exception {
    server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
