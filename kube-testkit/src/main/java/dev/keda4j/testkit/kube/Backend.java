package dev.keda4j.testkit.kube;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;

/** The fixture's own HTTP client to the mock: plain requests, buffered answers. */
final class Backend {

  /** An answer of the mock. */
  record Reply(int code, Buffer body, String contentType) {
    boolean ok() {
      return code >= 200 && code < 300;
    }

    JsonObject json() {
      return StatusErrors.parse(body);
    }
  }

  private final HttpClientAgent client;
  private final String host;
  private final int port;

  Backend(Vertx vertx, String host, int port) {
    this.client =
        vertx.createHttpClient(
            new HttpClientOptions().setKeepAlive(true), new PoolOptions().setHttp1MaxSize(64));
    this.host = host;
    this.port = port;
  }

  String host() {
    return host;
  }

  int port() {
    return port;
  }

  Future<Reply> send(String method, String uri, MultiMap headers, Buffer body) {
    RequestOptions options =
        new RequestOptions()
            .setMethod(HttpMethod.valueOf(method))
            .setHost(host)
            .setPort(port)
            .setURI(uri);
    if (headers != null) {
      headers.forEach(
          (k, v) -> {
            String key = k.toLowerCase(java.util.Locale.ROOT);
            if (!key.equals("host")
                && !key.equals("content-length")
                && !key.equals("connection")
                && !key.equals("transfer-encoding")
                && !key.equals("accept-encoding")) {
              options.addHeader(k, v);
            }
          });
    }
    return client
        .request(options)
        .compose(req -> body == null || body.length() == 0 ? req.send() : req.send(body))
        .compose(
            resp ->
                resp.body()
                    .map(b -> new Reply(resp.statusCode(), b, resp.getHeader("Content-Type"))));
  }

  Future<Reply> get(String uri) {
    return send("GET", uri, null, null);
  }

  Future<Reply> put(String uri, JsonObject body) {
    return send("PUT", uri, json(), body.toBuffer());
  }

  Future<Reply> post(String uri, JsonObject body) {
    return send("POST", uri, json(), body.toBuffer());
  }

  Future<Reply> delete(String uri) {
    return send("DELETE", uri, null, null);
  }

  private static MultiMap json() {
    return MultiMap.caseInsensitiveMultiMap().add("Content-Type", "application/json");
  }

  Future<Void> close() {
    return client.close();
  }
}
