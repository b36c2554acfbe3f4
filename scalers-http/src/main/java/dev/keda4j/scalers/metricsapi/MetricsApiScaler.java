package dev.keda4j.scalers.metricsapi;

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
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/** A number read from any HTTP endpoint (KEDA's {@code metrics_api_scaler.go}). */
public final class MetricsApiScaler implements Scaler {
  private final MetricsApiConfig config;
  private final String metricName;
  private final MetricTargetType targetType;
  private final HttpClients.SharedClient client;
  private final RequestAuth auth;
  private final Duration timeout;

  MetricsApiScaler(
      ScalerContext ctx,
      MetricsApiConfig config,
      HttpClients.SharedClient client,
      RequestAuth auth) {
    this.config = config;
    this.metricName = ctx.metricName("metric-api-" + config.valueLocation());
    this.targetType = ctx.externalTargetType();
    this.client = client;
    this.auth = auth;
    this.timeout = config.effectiveTimeout(ctx.globalHttpTimeout());
  }

  @Override
  public List<MetricSpec> metricSpecs() {
    return List.of(
        MetricSpec.external(metricName, targetType, Quantity.fromDouble(config.targetValue())));
  }

  @Override
  public CompletionStage<ScalerResult> poll(String requested) {
    return HttpGet.send(
            client.client(),
            config.url(),
            auth,
            Map.of(),
            timeout,
            "metrics-api request to " + path())
        .thenApply(
            resp -> {
              if (resp.statusCode() != 200) {
                throw new HttpScalerException(path() + ": api returned " + resp.statusCode());
              }
              String body = resp.bodyAsString();
              double v =
                  ValueLocation.extract(
                      body == null ? "" : body, config.responseFormat(), config.valueLocation());
              return ScalerResult.of(
                  MetricValue.ofDouble(requested, v), v > config.activationTargetValue());
            });
  }

  // KEDA names the URL path in errors; the full URL may carry credentials.
  private String path() {
    try {
      String p = URI.create(config.url()).getPath();
      return p == null ? "" : p;
    } catch (IllegalArgumentException e) {
      return "<invalid url>";
    }
  }

  @Override
  public void close() {
    client.close();
  }

  @Override
  public String toString() {
    return "MetricsApiScaler[" + metricName + "]";
  }
}
