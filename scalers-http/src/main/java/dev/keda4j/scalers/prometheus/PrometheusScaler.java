package dev.keda4j.scalers.prometheus;

import dev.keda4j.scalers.http.HttpClients;
import dev.keda4j.scalers.http.HttpGet;
import dev.keda4j.scalers.http.HttpScalerException;
import dev.keda4j.scalers.http.RequestAuth;
import dev.keda4j.scalers.spi.MetricSpec;
import dev.keda4j.scalers.spi.MetricTargetType;
import dev.keda4j.scalers.spi.MetricValue;
import dev.keda4j.scalers.spi.Quantity;
import dev.keda4j.scalers.spi.Scaler;
import dev.keda4j.scalers.spi.ScalerContext;
import dev.keda4j.scalers.spi.ScalerResult;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A PromQL instant query as a metric (KEDA's {@code prometheus_scaler.go}). */
public final class PrometheusScaler implements Scaler {
  private static final Logger LOG = LoggerFactory.getLogger(PrometheusScaler.class);

  private final PrometheusConfig config;
  private final String metricName;
  private final MetricTargetType targetType;
  private final HttpClients.SharedClient client;
  private final RequestAuth auth;
  private final Duration timeout;
  private final Clock clock;

  PrometheusScaler(
      ScalerContext ctx,
      PrometheusConfig config,
      HttpClients.SharedClient client,
      RequestAuth auth,
      Clock clock) {
    this.config = config;
    this.metricName = ctx.metricName("prometheus");
    this.targetType = ctx.externalTargetType();
    this.client = client;
    this.auth = auth;
    this.timeout = config.effectiveTimeout(ctx.globalHttpTimeout());
    this.clock = clock;
  }

  @Override
  public List<MetricSpec> metricSpecs() {
    return List.of(
        MetricSpec.external(metricName, targetType, Quantity.fromDouble(config.threshold())));
  }

  @Override
  public CompletionStage<ScalerResult> poll(String requested) {
    String url =
        PrometheusQueryUrl.build(
            stripSlash(config.serverAddress()),
            config.query(),
            clock.instant(),
            config.namespace(),
            config.queryParameters());
    return HttpGet.send(
            client.client(),
            url,
            auth,
            config.customHeaders(),
            timeout,
            "prometheus query " + config.query() + " to " + config.serverAddress())
        .thenApply(
            resp -> {
              if (resp.statusCode() < 200 || resp.statusCode() > 299) {
                throw new HttpScalerException(
                    "prometheus query api returned error. status: " + resp.statusCode());
              }
              String body = resp.bodyAsString();
              PrometheusResponse.Reading r =
                  PrometheusResponse.interpret(
                      body == null ? "" : body, config.query(), config.ignoreNullValues());
              if (r.nullResult()) {
                LOG.debug("{}: empty upstream response counted as 0", metricName);
              }
              return ScalerResult.of(
                  MetricValue.ofDouble(requested, r.value()),
                  r.value() > config.activationThreshold());
            });
  }

  // KEDA concatenates "/api/v1/query" to the address as given; a trailing slash would double it.
  private static String stripSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  @Override
  public void close() {
    client.close();
  }

  @Override
  public String toString() {
    return "PrometheusScaler[" + metricName + ", " + config.serverAddress() + "]";
  }
}
