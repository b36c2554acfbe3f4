package dev.keda4j.adapter.channel;

import dev.keda4j.adapter.MetricsSource;
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
 * so the adapter looks the leader up again — never a zero.
 */
public final class MetricsChannelServer {
  private static final Logger LOG = LoggerFactory.getLogger(MetricsChannelServer.class);
  private static final Set<String> TLS_PROTOCOLS = Set.of("TLSv1.2", "TLSv1.3");

  private MetricsChannelServer() {}

  /** A listening channel. */
  public interface Running {
    int port();

    CompletionStage<Void> close();
  }

  /**
   * Starts listening.
   *
   * @param vertx the Vert.x instance (not closed)
   * @param host bind address
   * @param port port, 0 for a free one
   * @param tls the channel CA and this replica's identity
   * @param source the leader's metric values
   * @param leading whether this replica leads now
   * @param readTimeout bound of one read of {@code source}
   */
  public static CompletionStage<Running> start(
      Vertx vertx,
      String host,
      int port,
      ChannelTls tls,
      MetricsSource source,
      BooleanSupplier leading,
      Duration readTimeout) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(leading, "leading");
    HttpServerOptions options =
        new HttpServerOptions()
            .setHost(host)
            .setPort(port)
            .setSsl(true)
            .setUseAlpn(true)
            .setKeyCertOptions(tls.identity())
            .setTrustOptions(tls.trust())
            .setClientAuth(ClientAuth.REQUIRED)
            .setEnabledSecureTransportProtocols(TLS_PROTOCOLS);
    HttpServer server =
        vertx
            .createHttpServer(options)
            .requestHandler(req -> handle(vertx, req, source, leading, readTimeout));
    return server
        .listen()
        .map(
            bound -> {
              LOG.info(
                  "metrics channel listening on https://{}:{} (client certificates of {})",
                  host,
                  bound.actualPort(),
                  tls.dir().resolve(ChannelTls.CA));
              return (Running) new Listening(bound);
            })
        .toCompletionStage();
  }

  private record Listening(HttpServer server) implements Running {
    @Override
    public int port() {
      return server.actualPort();
    }

    @Override
    public CompletionStage<Void> close() {
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
