package dev.keda4j.adapter.http;

import dev.keda4j.adapter.auth.AuthorizationAttributes;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The generic API server's request metrics, {@code apiserver_request_total} and {@code
 * apiserver_request_duration_seconds}. Like Go, only requests that passed authentication and
 * authorization are counted. Unlike Go, metric reads are labelled with the advertised resource
 * {@code externalmetrics}, not the metric name: with 10,000 ScaledObjects a per-metric histogram is
 * hundreds of thousands of series, and registering each new one slowed every read.
 */
final class RequestMetrics implements Handler<RoutingContext> {
  private static final Duration[] BUCKETS = {
    Duration.ofMillis(5), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
    Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(600), Duration.ofMillis(800),
    Duration.ofSeconds(1), Duration.ofMillis(1250), Duration.ofMillis(1500), Duration.ofSeconds(2),
    Duration.ofSeconds(3), Duration.ofSeconds(4), Duration.ofSeconds(5), Duration.ofSeconds(6),
    Duration.ofSeconds(8), Duration.ofSeconds(10), Duration.ofSeconds(15), Duration.ofSeconds(20),
    Duration.ofSeconds(30), Duration.ofSeconds(45), Duration.ofSeconds(60)
  };

  private final MeterRegistry registry;
  private final Map<Tags, Counter> counters = new ConcurrentHashMap<>();
  private final Map<Tags, Timer> timers = new ConcurrentHashMap<>();

  RequestMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void handle(RoutingContext ctx) {
    long start = System.nanoTime();
    ctx.addEndHandler(
        done -> {
          AuthorizationAttributes a = ctx.get(AuthHandler.ATTRIBUTES);
          if (a != null) {
            record(a, ctx.request().method().name(), ctx.response().getStatusCode(), start);
          }
        });
    ctx.next();
  }

  /** One series: its meters are looked up by this small key, not by building Tags per request. */
  private record Series(String verb, String group, String version, boolean resource) {}

  private record CodedSeries(Series series, int code) {}

  private final Map<CodedSeries, Counter> countersByKey = new ConcurrentHashMap<>();
  private final Map<Series, Timer> timersByKey = new ConcurrentHashMap<>();

  private void record(AuthorizationAttributes a, String method, int code, long start) {
    String verb = a.resourceRequest() ? a.verb().toUpperCase(Locale.ROOT) : method;
    Series series = new Series(verb, a.apiGroup(), a.apiVersion(), a.resourceRequest());
    countersByKey
        .computeIfAbsent(new CodedSeries(series, code), k -> counter(tags(series), code))
        .increment();
    timersByKey
        .computeIfAbsent(series, k -> timer(tags(series)))
        .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
  }

  private static Tags tags(Series s) {
    return Tags.of(
        "verb",
        s.verb(),
        "group",
        s.group(),
        "version",
        s.version(),
        "resource",
        s.resource() ? "externalmetrics" : "",
        "subresource",
        "",
        "scope",
        s.resource() ? "namespace" : "",
        "component",
        "apiserver");
  }

  private Counter counter(Tags tags, int code) {
    Tags withCode = tags.and("code", Integer.toString(code));
    return counters.computeIfAbsent(
        withCode,
        t ->
            Counter.builder("apiserver.request")
                .description("Counter of apiserver requests broken out by verb, resource and code.")
                .tags(t)
                .register(registry));
  }

  private Timer timer(Tags tags) {
    return timers.computeIfAbsent(
        tags,
        t ->
            Timer.builder("apiserver.request.duration")
                .description("Response latency distribution in seconds for each verb and resource.")
                .tags(t)
                .serviceLevelObjectives(BUCKETS)
                .register(registry));
  }
}
