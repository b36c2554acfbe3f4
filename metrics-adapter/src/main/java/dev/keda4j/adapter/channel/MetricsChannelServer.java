package dev.keda4j.adapter.channel;

import dev.keda4j.adapter.MetricsSource;
import dev.keda4j.adapter.tls.FileSetReloader;
import dev.keda4j.scalers.spi.MetricValue;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.ServerSSLOptions;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The controller side of the internal metrics channel: HTTPS on {@code --metrics-channel-port}
 * (9666, KEDA's metrics service port), served by every controller replica, requiring a client
 * certificate signed by the channel CA. Only the leader answers values; another replica answers 503
 * so the adapter looks the leader up again — never a zero. The certificate files are re-read while
 * the server runs (see {@link #start(Vertx, String, int, ChannelTls, MetricsSource,
 * BooleanSupplier, Duration, Duration)}).
 */
public final class MetricsChannelServer {
  private static final Logger LOG = LoggerFactory.getLogger(MetricsChannelServer.class);
  private static final Set<String> TLS_PROTOCOLS = Set.of("TLSv1.2", "TLSv1.3");
  private static final List<String> ALPN_PROTOCOLS = List.of("h2", "http/1.1");

  private MetricsChannelServer() {}

  /** A listening channel. */
  public interface Running {
    int port();

    CompletionStage<Void> close();
  }

  /**
   * Starts listening, re-reading the certificate files every {@link
   * FileSetReloader#DEFAULT_INTERVAL}.
   *
   * @see #start(Vertx, String, int, ChannelTls, MetricsSource, BooleanSupplier, Duration, Duration)
   */
  public static CompletionStage<Running> start(
      Vertx vertx,
      String host,
      int port,
      ChannelTls tls,
      MetricsSource source,
      BooleanSupplier leading,
      Duration readTimeout) {
    return start(
        vertx, host, port, tls, source, leading, readTimeout, FileSetReloader.DEFAULT_INTERVAL);
  }

  /**
   * Starts listening. While it listens, {@code ca.crt}, {@code tls.crt} and {@code tls.key} are
   * checked every {@code reloadInterval}; a changed, valid set becomes the server's identity and
   * its only trusted client CA for new connections (client certificates stay required). Connections
   * already open keep the TLS session they were established with until they close.
   *
   * @param vertx the Vert.x instance (not closed)
   * @param host bind address
   * @param port port, 0 for a free one
   * @param tls the channel CA and this replica's identity
   * @param source the leader's metric values
   * @param leading whether this replica leads now
   * @param readTimeout bound of one read of {@code source}
   * @param reloadInterval time between two checks of the certificate files
   */
  public static CompletionStage<Running> start(
      Vertx vertx,
      String host,
      int port,
      ChannelTls tls,
      MetricsSource source,
      BooleanSupplier leading,
      Duration readTimeout,
      Duration reloadInterval) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(leading, "leading");
    FileSetReloader<ChannelTls.Material> reloader = tls.reloader(vertx, reloadInterval, "server");
    return vertx
        .executeBlocking(reloader::loadNow, false)
        .compose(
            initial -> {
              // checked content when it parses; otherwise the paths, and Vert.x reports the
              // problem as it always did
              HttpServerOptions options =
                  new HttpServerOptions()
                      .setHost(host)
                      .setPort(port)
                      .setSsl(true)
                      .setUseAlpn(true)
                      .setKeyCertOptions(
                          initial.map(ChannelTls.Material::identity).orElseGet(tls::identity))
                      .setTrustOptions(
                          initial.map(ChannelTls.Material::trust).orElseGet(tls::trust))
                      .setClientAuth(ClientAuth.REQUIRED)
                      .setEnabledSecureTransportProtocols(TLS_PROTOCOLS);
              ServerSSLOptions started = options.getSslOptions().copy();
              HttpServer server =
                  vertx
                      .createHttpServer(options)
                      .requestHandler(req -> handle(vertx, req, source, leading, readTimeout));
              return server
                  .listen()
                  .map(
                      bound -> {
                        reloader.start(
                            material ->
                                bound.updateSSLOptions(sslOptions(started, material), true));
                        LOG.info(
                            "metrics channel listening on https://{}:{} (client certificates of {},"
                                + " certificate files re-read every {} ms)",
                            host,
                            bound.actualPort(),
                            tls.dir().resolve(ChannelTls.CA),
                            reloadInterval.toMillis());
                        return (Running) new Listening(bound, reloader);
                      });
            })
        .onFailure(e -> reloader.close())
        .toCompletionStage();
  }

  /**
   * The options the server started with, holding {@code material} instead: client certificates
   * required, TLS 1.2/1.3, ALPN h2 and http/1.1 (what {@code listen} derives from the HTTP
   * versions; Vert.x 5.1.6 keeps the listen-time ALPN list anyway, it is repeated here so the
   * options are complete should that change).
   */
  static ServerSSLOptions sslOptions(ServerSSLOptions started, ChannelTls.Material material) {
    return started
        .copy()
        .setKeyCertOptions(material.identity())
        .setTrustOptions(material.trust())
        .setClientAuth(ClientAuth.REQUIRED)
        .setEnabledSecureTransportProtocols(TLS_PROTOCOLS)
        .setUseAlpn(true)
        .setApplicationLayerProtocols(ALPN_PROTOCOLS);
  }

  private record Listening(HttpServer server, FileSetReloader<ChannelTls.Material> reloader)
      implements Running {
    @Override
    public int port() {
      return server.actualPort();
    }

    @Override
    public CompletionStage<Void> close() {
      reloader.close();
      return server.close().toCompletionStage();
    }
  }

  private static void handle(
      Vertx vertx,
      HttpServerRequest req,
      MetricsSource source,
      BooleanSupplier leading,
      Duration timeout) {
    if (req.method() != HttpMethod.GET || !ChannelProtocol.PATH.equals(req.path())) {
      answer(req, 404, ChannelProtocol.error("not found: " + req.method() + " " + req.path()));
      return;
    }
    if (!leading.getAsBoolean()) {
      answer(
          req,
          ChannelProtocol.NOT_LEADER,
          ChannelProtocol.error("this controller replica is not the leader"));
      return;
    }
    String namespace = req.getParam("namespace");
    String name = req.getParam("name");
    String metric = req.getParam("metric");
    if (isBlank(namespace) || isBlank(name) || isBlank(metric)) {
      answer(req, 400, ChannelProtocol.error("namespace, name and metric are required"));
      return;
    }
    read(vertx, source, namespace, name, metric, timeout)
        .onSuccess(values -> answer(req, 200, ChannelProtocol.encode(values)))
        .onFailure(
            failure -> {
              String message = messageOf(failure);
              LOG.warn(
                  "metrics channel: ScaledObject {}/{} metric {}: {}",
                  namespace,
                  name,
                  metric,
                  message);
              answer(req, 500, ChannelProtocol.error(message));
            });
  }

  private static Future<List<MetricValue>> read(
      Vertx vertx,
      MetricsSource source,
      String namespace,
      String name,
      String metric,
      Duration timeout) {
    Promise<List<MetricValue>> promise = Promise.promise();
    long timer =
        vertx.setTimer(
            timeout.toMillis(),
            id ->
                promise.tryFail(
                    new IllegalStateException(
                        "no value within " + timeout.toMillis() + " ms on the leader")));
    CompletionStage<List<MetricValue>> stage;
    try {
      stage = source.read(namespace, name, metric);
    } catch (RuntimeException e) {
      stage = CompletableFuture.failedFuture(e);
    }
    if (stage == null) {
      stage = CompletableFuture.failedFuture(new IllegalStateException("no read"));
    }
    stage.whenComplete(
        (values, failure) -> {
          vertx.cancelTimer(timer);
          if (failure != null) {
            promise.tryFail(failure);
          } else if (values == null) {
            promise.tryFail(new IllegalStateException("the source returned no values"));
          } else {
            promise.tryComplete(values);
          }
        });
    return promise.future();
  }

  /** The operator's own text: the adapter words it as KEDA's gRPC error when it answers. */
  private static String messageOf(Throwable failure) {
    Throwable t = failure;
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    String text = t.getMessage();
    return text == null || text.isBlank() ? t.getClass().getSimpleName() : text;
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  private static void answer(HttpServerRequest req, int code, JsonObject body) {
    req.response()
        .setStatusCode(code)
        .putHeader("Content-Type", "application/json")
        .end(body.toBuffer());
  }
}
