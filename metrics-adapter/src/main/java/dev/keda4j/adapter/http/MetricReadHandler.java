package dev.keda4j.adapter.http;

import dev.keda4j.adapter.MetricsSource;
import dev.keda4j.adapter.api.ExternalMetricList;
import dev.keda4j.adapter.api.KubeStatus;
import dev.keda4j.scalers.spi.MetricValue;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /apis/external.metrics.k8s.io/v1beta1/namespaces/{ns}/{metric}}. Each read is bounded
 * by its own timer, so a hanging source delays only its own metric, and ends as an error Status —
 * never as a zero.
 */
final class MetricReadHandler implements Handler<RoutingContext> {
  private static final Logger LOG = LoggerFactory.getLogger(MetricReadHandler.class);

  private final Vertx vertx;
  private final MetricsSource source;
  private final Duration timeout;
  private final Clock clock;

  MetricReadHandler(Vertx vertx, MetricsSource source, Duration timeout, Clock clock) {
    this.vertx = vertx;
    this.source = source;
    this.timeout = timeout;
    this.clock = clock;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String namespace = ctx.pathParam("namespace");
    String metric = ctx.pathParam("metric");
    MetricQuery query = MetricQuery.resolve(ctx.request().getParam("labelSelector"));
    if (query.error() != null) {
      LOG.info("metric {} in {}: {}", metric, namespace, query.error().message());
      Responses.status(ctx, query.error());
      return;
    }
    String so = query.scaledObjectName();
    read(namespace, so, metric)
        .onSuccess(
            values -> {
              Buffer body = ExternalMetricList.encode(values, clock.instant());
              Responses.json(ctx, 200, body, body::toJsonObject);
            })
        .onFailure(
            failure -> {
              String message = SourceFailures.message(failure);
              LOG.warn("ScaledObject {}/{} metric {}: {}", namespace, so, metric, message);
              Responses.status(ctx, KubeStatus.internal(message));
            });
  }

  private io.vertx.core.Future<List<MetricValue>> read(String namespace, String so, String metric) {
    CompletionStage<List<MetricValue>> stage;
    try {
      stage = source.read(namespace, so, metric);
    } catch (RuntimeException e) {
      stage = CompletableFuture.failedFuture(e);
    }
    if (stage == null) {
      stage =
          CompletableFuture.failedFuture(new IllegalStateException("the source returned no read"));
    }
    CompletableFuture<List<MetricValue>> future = stage.toCompletableFuture();
    if (future.isDone()) {
      // a cached value: answer at once, without a timer or a hop through the task queue
      Promise<List<MetricValue>> now = Promise.promise();
      Throwable failure = failureOf(future);
      settle(now, failure == null ? future.getNow(null) : null, failure);
      return now.future();
    }
    Context context = vertx.getOrCreateContext();
    Promise<List<MetricValue>> promise = Promise.promise();
    long timer =
        vertx.setTimer(
            timeout.toMillis(),
            id ->
                promise.tryFail(
                    new MetricReadTimeoutException(
                        "no value within " + timeout.toMillis() + " ms")));
    future.whenComplete(
        (values, failure) ->
            context.runOnContext(
                v -> {
                  vertx.cancelTimer(timer);
                  settle(promise, values, failure);
                }));
    return promise.future();
  }

  private static void settle(
      Promise<List<MetricValue>> promise, List<MetricValue> values, Throwable failure) {
    if (failure != null) {
      promise.tryFail(failure);
    } else if (values == null) {
      promise.tryFail(new IllegalStateException("the source returned no values"));
    } else {
      promise.tryComplete(List.copyOf(values));
    }
  }

  private static Throwable failureOf(CompletableFuture<?> done) {
    if (!done.isCompletedExceptionally()) {
      return null;
    }
    try {
      done.join();
      return new IllegalStateException("completed exceptionally");
    } catch (CompletionException | CancellationException e) {
      return e.getCause() == null ? e : e.getCause();
    }
  }
}
