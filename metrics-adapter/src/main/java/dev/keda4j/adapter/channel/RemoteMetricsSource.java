package dev.keda4j.adapter.channel;

import dev.keda4j.adapter.MetricsSource;
import dev.keda4j.adapter.tls.FileSetReloader;
import dev.keda4j.scalers.spi.MetricValue;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.ClientSSLOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The separate adapter Deployment's {@link MetricsSource}: asks the leading controller replica over
 * the mutual-TLS metrics channel. The leader's address is remembered; a 503 (that replica no longer
 * leads) or a connection failure looks the leader up again and retries with KEDA's gRPC backoff
 * (250 ms doubling, at most 2 s) until the deadline. Whatever happens, a read ends with values or
 * an error by the deadline — never with a zero. The channel certificate files are re-read while the
 * source runs (see {@link #RemoteMetricsSource(Vertx, ChannelTls, LeaderLocator, int, Duration,
 * Duration)}).
 */
public final class RemoteMetricsSource implements MetricsSource, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RemoteMetricsSource.class);
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(250);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(2);

  private final Vertx vertx;
  private final HttpClientAgent client;
  private final FileSetReloader<ChannelTls.Material> reloader;
  private final LeaderLocator locator;
  private final int port;
  private final Duration deadline;
  private final AtomicReference<String> leader = new AtomicReference<>();

  /**
   * Like {@link #RemoteMetricsSource(Vertx, ChannelTls, LeaderLocator, int, Duration, Duration)},
   * re-reading the certificate files every {@link FileSetReloader#DEFAULT_INTERVAL}.
   */
  public RemoteMetricsSource(
      Vertx vertx, ChannelTls tls, LeaderLocator locator, int port, Duration deadline) {
    this(vertx, tls, locator, port, deadline, FileSetReloader.DEFAULT_INTERVAL);
  }

  /**
   * Reads the certificate files once in the calling thread (three small files; not on an event
   * loop), then every {@code reloadInterval} off the event loop: a changed, valid set becomes the
   * client identity and the only trusted CA of new connections to the leader. A connection already
   * open keeps the TLS session it was established with until either side closes it.
   *
   * @param vertx the Vert.x instance (not closed)
   * @param tls the channel CA and the adapter's client identity
   * @param locator finds the leader's address
   * @param port the channel port of every controller replica ({@code --metrics-channel-port})
   * @param deadline bound of one read including retries (KEDA's gRPC deadline is 3 s)
   * @param reloadInterval time between two checks of the certificate files
   */
  public RemoteMetricsSource(
      Vertx vertx,
      ChannelTls tls,
      LeaderLocator locator,
      int port,
      Duration deadline,
      Duration reloadInterval) {
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.locator = Objects.requireNonNull(locator, "locator");
    this.port = port;
    this.deadline = Objects.requireNonNull(deadline, "deadline");
    this.reloader = tls.reloader(vertx, reloadInterval, "client");
    Optional<ChannelTls.Material> initial = reloader.loadNow();
    // checked content when it parses; otherwise the paths, and Vert.x reports the problem on
    // connecting as it always did
    HttpClientOptions options =
        new HttpClientOptions()
            .setSsl(true)
            .setUseAlpn(true)
            .setProtocolVersion(io.vertx.core.http.HttpVersion.HTTP_2)
            .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, deadline.toMillis()))
            .setKeyCertOptions(initial.map(ChannelTls.Material::identity).orElseGet(tls::identity))
            .setTrustOptions(initial.map(ChannelTls.Material::trust).orElseGet(tls::trust))
            // the leader is reached by pod IP, which its certificate does not name: the
            // channel CA signs only keda4j's own certificates, so chaining to it is the check
            .setVerifyHost(false);
    ClientSSLOptions started = options.getSslOptions().copy();
    this.client =
        vertx.createHttpClient(options, new io.vertx.core.http.PoolOptions().setHttp2MaxSize(1));
    // new SSL options get a new connection pool: the next request after a reload connects afresh
    reloader.start(material -> client.updateSSLOptions(sslOptions(started, material), true));
  }

  /** The options the client started with, holding {@code material} instead. */
  static ClientSSLOptions sslOptions(ClientSSLOptions started, ChannelTls.Material material) {
    return started
        .copy()
        .setKeyCertOptions(material.identity())
        .setTrustOptions(material.trust())
        .setUseAlpn(true)
        .setHostnameVerificationAlgorithm("");
  }

  @Override
  public CompletionStage<List<MetricValue>> read(String namespace, String name, String metric) {
    long deadlineAt = System.nanoTime() + deadline.toNanos();
    Promise<List<MetricValue>> result = Promise.promise();
    long timer =
        vertx.setTimer(
            deadline.toMillis(),
            id ->
                result.tryFail(
                    new IllegalStateException(
                        "no answer from the leading controller within "
                            + deadline.toMillis()
                            + " ms")));
    attempt(namespace, name, metric, deadlineAt, FIRST_BACKOFF, result);
    return result.future().onComplete(ar -> vertx.cancelTimer(timer)).toCompletionStage();
  }

  private void attempt(
      String namespace,
      String name,
      String metric,
      long deadlineAt,
      Duration backoff,
      Promise<List<MetricValue>> result) {
    if (result.future().isComplete()) {
      return;
    }
    leaderAddress()
        .compose(
            address ->
                address.isEmpty()
                    ? Future.failedFuture(new Retry("no controller replica leads right now"))
                    : ask(address.get(), namespace, name, metric, deadlineAt))
        .onSuccess(result::tryComplete)
        .onFailure(
            failure -> {
              if (!(failure instanceof Retry)) {
                result.tryFail(failure);
                return;
              }
              leader.set(null);
              long left = deadlineAt - System.nanoTime();
              if (left <= backoff.toNanos()) {
                result.tryFail(
                    new IllegalStateException(
                        "no leading controller answered: " + failure.getMessage()));
                return;
              }
              LOG.debug(
                  "metrics channel: {} ({}/{} {}), retrying in {} ms",
                  failure.getMessage(),
                  namespace,
                  name,
                  metric,
                  backoff.toMillis());
              Duration next = backoff.multipliedBy(2);
              vertx.setTimer(
                  backoff.toMillis(),
                  id ->
                      attempt(
                          namespace,
                          name,
                          metric,
                          deadlineAt,
                          next.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : next,
                          result));
            });
  }

  private Future<Optional<String>> leaderAddress() {
    String known = leader.get();
    if (known != null) {
      return Future.succeededFuture(Optional.of(known));
    }
    CompletionStage<Optional<String>> stage;
    try {
      stage = locator.leader();
    } catch (RuntimeException e) {
      return Future.failedFuture(new Retry("leader lookup failed: " + e.getMessage()));
    }
    return Future.fromCompletionStage(stage)
        .recover(e -> Future.failedFuture(new Retry("leader lookup failed: " + e.getMessage())))
        .map(
            found -> {
              found.ifPresent(
                  address -> {
                    if (!address.equals(leader.getAndSet(address))) {
                      LOG.info("metrics channel: leading controller is at {}", address);
                    }
                  });
              return found;
            });
  }

  private Future<List<MetricValue>> ask(
      String address, String namespace, String name, String metric, long deadlineAt) {
    long timeoutMs = Math.max(1, (deadlineAt - System.nanoTime()) / 1_000_000);
    RequestOptions request =
        new RequestOptions()
            .setMethod(HttpMethod.GET)
            .setHost(address)
            .setPort(port)
            .setURI(
                ChannelProtocol.PATH
                    + "?namespace="
                    + enc(namespace)
                    + "&name="
                    + enc(name)
                    + "&metric="
                    + enc(metric))
            .setIdleTimeout(timeoutMs);
    // transport failures (refused, reset, GOAWAY of a stopping replica) may be cured by another
    // lookup; an answer the leader gave is final
    return client
        .request(request)
        .compose(req -> req.send())
        .compose(resp -> resp.body().map(body -> new Answer(resp, body)))
        .recover(e -> Future.failedFuture(new Retry("cannot reach " + address + ": " + e)))
        .map(answer -> decide(answer.response(), answer.body()));
  }

  private record Answer(HttpClientResponse response, Buffer body) {}

  private static List<MetricValue> decide(HttpClientResponse resp, Buffer body) {
    if (resp.statusCode() == ChannelProtocol.NOT_LEADER) {
      throw new Retry("the controller asked no longer leads");
    }
    JsonObject json;
    try {
      json = body.toJsonObject();
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "unreadable answer from the leading controller (HTTP " + resp.statusCode() + ")", e);
    }
    if (resp.statusCode() != 200) {
      String message = json.getString("message");
      throw new IllegalStateException(
          message != null ? message : "HTTP " + resp.statusCode() + " from the leading controller");
    }
    return ChannelProtocol.decode(json);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    reloader.close();
    client.close();
  }

  /** A failure that another leader lookup may cure. */
  private static final class Retry extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Retry(String message) {
      super(message, null, false, false);
    }
  }
}
