package dev.keda4j.scalers.nats;

import dev.keda4j.scalers.common.RefCountedPool;
import dev.keda4j.scalers.spi.MetricSpec;
import dev.keda4j.scalers.spi.MetricTargetType;
import dev.keda4j.scalers.spi.MetricValue;
import dev.keda4j.scalers.spi.Scaler;
import dev.keda4j.scalers.spi.ScalerContext;
import dev.keda4j.scalers.spi.ScalerResult;
import io.vertx.core.Future;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumer lag read from a NATS server's monitoring endpoint (KEDA's {@code
 * nats_jetstream_scaler.go}). In a cluster only the consumer leader's numbers are current, so the
 * leader is searched for node by node and its {@code /jsz} URL remembered until the leader moves.
 */
public final class NatsJetStreamScaler implements Scaler {
  private static final Logger LOG = LoggerFactory.getLogger(NatsJetStreamScaler.class);

  /** The leader found by the last search; empty strings when none is known. */
  private record Leader(String node, String jszUrl) {
    static final Leader NONE = new Leader("", "");

    boolean known() {
      return !node.isEmpty() && !jszUrl.isEmpty();
    }
  }

  private final NatsJetStreamConfig config;
  private final JszReading.Target target;
  private final String object;
  private final String metricName;
  private final MetricTargetType targetType;
  private final String monitoringUrl;
  private final RefCountedPool<Boolean, WebClient>.Lease client;
  private final Duration timeout;
  private volatile Leader leader = Leader.NONE;

  NatsJetStreamScaler(
      ScalerContext ctx,
      NatsJetStreamConfig config,
      RefCountedPool<Boolean, WebClient>.Lease client) {
    this.config = config;
    this.target = JszReading.Target.of(config);
    this.object = ctx.scalableObjectKind() + " " + ctx.namespace() + "/" + ctx.name();
    this.metricName = ctx.metricName("nats-jetstream-" + config.stream());
    this.targetType = ctx.externalTargetType();
    this.monitoringUrl = config.monitoringUrl();
    this.client = client;
    this.timeout = ctx.globalHttpTimeout();
  }

  @Override
  public List<MetricSpec> metricSpecs() {
    return List.of(MetricSpec.external(metricName, targetType, config.lagThreshold()));
  }

  @Override
  public CompletionStage<ScalerResult> poll(String requested) {
    return monitoringData()
        .map(
            reading -> {
              long lag = reading.lag(target);
              LOG.debug(
                  "{}: nats-jetstream {} lag {} (threshold {})",
                  object,
                  metricName,
                  lag,
                  config.lagThreshold());
              return ScalerResult.of(
                  MetricValue.ofCount(requested, lag), lag > config.activationLagThreshold());
            })
        .toCompletionStage();
  }

  /** The reading to use: from the remembered leader, the configured endpoint, or a new search. */
  private Future<JszReading> monitoringData() {
    Leader cached = leader;
    String url = cached.known() ? cached.jszUrl() : monitoringUrl;
    return getJsz(url)
        .compose(
            first -> {
              if (cached.known()) {
                if (first.consumerFound() && cached.node().equals(first.leader())) {
                  return Future.succeededFuture(first);
                }
                leader = Leader.NONE;
              }
              if (first.clusterSize() <= 1) {
                return Future.succeededFuture(first);
              }
              return findLeader();
            });
  }

  private Future<JszReading> findLeader() {
    return getVarz(MonitoringUrls.varz(monitoringUrl, ""))
        .compose(
            varz -> {
              boolean advertised = !varz.connectUrls().isEmpty();
              List<String> urls = advertised ? varz.connectUrls() : varz.clusterUrls();
              return tryNode(urls, 0, advertised);
            });
  }

  // Nodes are asked one after the other, like KEDA; any node that does not answer fails the poll.
  private Future<JszReading> tryNode(List<String> urls, int i, boolean advertised) {
    if (i >= urls.size()) {
      return Future.failedFuture(
          new NatsJetStreamException("leader node not found for consumer " + config.consumer()));
    }
    String url = urls.get(i);
    Future<Leader> candidate;
    if (advertised) {
      String host = MonitoringUrls.hostOf(url);
      candidate =
          getVarz(MonitoringUrls.varz(monitoringUrl, host))
              .map(v -> new Leader(v.serverName(), MonitoringUrls.nodeJsz(monitoringUrl, host)));
    } else {
      String node = MonitoringUrls.nodeOf(url);
      candidate =
          Future.succeededFuture(
              new Leader(node, MonitoringUrls.nodeJszByName(monitoringUrl, node)));
    }
    return candidate.compose(
        c ->
            getJsz(c.jszUrl())
                .compose(
                    r -> {
                      if (r.ledBy(c.node())) {
                        leader = c;
                        return Future.succeededFuture(r);
                      }
                      return tryNode(urls, i + 1, advertised);
                    }));
  }

  private Future<JszReading> getJsz(String url) {
    return get(url, "monitoring endpoint").map(body -> JszReading.parse(body, target));
  }

  private Future<VarzReading> getVarz(String url) {
    return get(url, "monitoring server endpoint").map(VarzReading::parse);
  }

  private Future<String> get(String url, String what) {
    String shown = MonitoringUrls.redact(url);
    return client
        .value()
        .getAbs(url)
        .timeout(timeout.toMillis())
        .send()
        .transform(
            ar -> {
              if (ar.failed()) {
                Throwable e = ar.cause();
                String cause =
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                return Future.failedFuture(
                    new NatsJetStreamException(
                        "unable to access NATS JetStream "
                            + what
                            + " "
                            + shown
                            + ": "
                            + MonitoringUrls.redact(cause)));
              }
              int status = ar.result().statusCode();
              if (status < 200 || status > 299) {
                return Future.failedFuture(
                    new NatsJetStreamException(
                        "NATS JetStream " + what + " " + shown + " returned " + status));
              }
              String body = ar.result().bodyAsString();
              return Future.succeededFuture(body == null ? "" : body);
            });
  }

  /** The consumer leader the last search found ("" if none); lets tests see the search work. */
  String leaderNode() {
    return leader.node();
  }

  @Override
  public void close() {
    client.close();
  }

  @Override
  public String toString() {
    return "NatsJetStreamScaler["
        + metricName
        + ", "
        + MonitoringUrls.redact(config.natsServerMonitoringEndpoint())
        + "]";
  }
}
