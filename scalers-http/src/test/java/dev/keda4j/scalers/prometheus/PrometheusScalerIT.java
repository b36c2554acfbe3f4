package dev.keda4j.scalers.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keda4j.scalers.http.RecordingServer;
import dev.keda4j.scalers.spi.Scaler;
import dev.keda4j.scalers.spi.ScalerContext;
import dev.keda4j.scalers.spi.ScalerRegistry;
import dev.keda4j.scalers.spi.ScalerResult;
import dev.keda4j.scalers.spi.ScalerRuntime;
import dev.keda4j.testkit.sources.PrometheusFixture;
import dev.keda4j.testkit.sources.Sources;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code prometheus} against a real Prometheus scraping a gauge this test sets. */
class PrometheusScalerIT {
  @RegisterExtension static final PrometheusFixture PROM = new PrometheusFixture();

  private static final Vertx VERTX = Vertx.vertx();
  private static final ExecutorService BLOCKING = Executors.newFixedThreadPool(1);
  private static final ScalerRuntime RUNTIME = new ScalerRuntime(VERTX, BLOCKING);
  private static final ScalerRegistry REGISTRY = ScalerRegistry.load();
  private static final String VECTOR =
      "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\","
          + "\"result\":[{\"metric\":{},\"value\":[1700000000,\"4\"]}]}}";

  private final List<Scaler> scalers = new ArrayList<>();

  @AfterEach
  void closeScalers() {
    scalers.forEach(Scaler::close);
    scalers.clear();
  }

  @AfterAll
  static void stop() throws InterruptedException {
    RUNTIME.close();
    VERTX.close().await();
    BLOCKING.shutdown();
    BLOCKING.awaitTermination(5, TimeUnit.SECONDS);
  }

  private Scaler scaler(Map<String, String> auth, String... kv) throws Exception {
    Map<String, String> md = new HashMap<>();
    md.put("serverAddress", PROM.url());
    md.put("threshold", "5");
    for (int i = 0; i < kv.length; i += 2) {
      md.put(kv[i], kv[i + 1]);
    }
    ScalerContext ctx =
        ScalerContext.builder("prometheus")
            .scalableObject("ScaledObject", "it", "prom-app")
            .metadata(md)
            .authParams(auth)
            .build();
    Scaler s = REGISTRY.build(ctx, RUNTIME).scaler();
    scalers.add(s);
    return s;
  }

  private static ScalerResult poll(Scaler s) throws Exception {
    String name = s.metricSpecs().get(0).metricName();
    ScalerResult r = s.poll(name).toCompletableFuture().get(15, TimeUnit.SECONDS);
    assertThat(r.values())
        .singleElement()
        .satisfies(v -> assertThat(v.metricName()).isEqualTo(name));
    return r;
  }

  private static boolean pollsValue(Scaler s, double want) {
    try {
      return value(poll(s)) == want;
    } catch (Exception e) {
      throw new AssertionError("poll failed", e);
    }
  }

  private static double value(ScalerResult r) {
    return r.values().get(0).value().doubleValue();
  }

  private static Throwable failure(Scaler s) {
    String name = s.metricSpecs().get(0).metricName();
    ExecutionException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            ExecutionException.class,
            () -> s.poll(name).toCompletableFuture().get(15, TimeUnit.SECONDS));
    return e.getCause();
  }

  @Test
  void readsTheGaugeAndActivatesAboveTheActivationThreshold() throws Exception {
    String metric = PROM.uniqueMetric();
    PROM.setGauge(metric, 7.5);
    String query = "sum(" + metric + ")";
    assertThat(PROM.awaitSample(query)).isEqualTo(7.5);

    // The scaler asks at a whole second (KEDA's RFC 3339 time), which can fall just before the
    // first sample; a poll a moment later sees it.
    Scaler activeScaler = scaler(Map.of(), "query", query, "activationThreshold", "7");
    assertThat(Sources.await(Duration.ofSeconds(10), () -> pollsValue(activeScaler, 7.5)))
        .as("scaler sees %s = 7.5", query)
        .isTrue();
    ScalerResult active = poll(activeScaler);
    assertThat(value(active)).isEqualTo(7.5);
    assertThat(active.active()).isTrue();

    ScalerResult inactive = poll(scaler(Map.of(), "query", query, "activationThreshold", "7.5"));
    assertThat(value(inactive)).isEqualTo(7.5);
    assertThat(inactive.active()).isFalse();

    PROM.setGauge(metric, 0);
    PROM.awaitValue(query, 0, Duration.ofSeconds(30));
    Scaler zeroScaler = scaler(Map.of(), "query", query);
    assertThat(Sources.await(Duration.ofSeconds(10), () -> pollsValue(zeroScaler, 0)))
        .as("scaler sees %s = 0", query)
        .isTrue();
    ScalerResult zero = poll(zeroScaler);
    assertThat(value(zero)).isZero();
    assertThat(zero.active()).isFalse();
  }

  @Test
  void emptyResultIsZeroOnlyWithIgnoreNullValues() throws Exception {
    String query = "sum(" + PROM.uniqueMetric() + ")";
    ScalerResult r = poll(scaler(Map.of(), "query", query));
    assertThat(value(r)).isZero();
    assertThat(r.active()).isFalse();

    assertThat(failure(scaler(Map.of(), "query", query, "ignoreNullValues", "false")))
        .hasMessage("prometheus metrics 'prometheus' target may be lost, the result is empty");
  }

  @Test
  void scalarQueryIsAnError() throws Exception {
    assertThat(failure(scaler(Map.of(), "query", "scalar(vector(3))")))
        .hasMessageContaining("result is not a vector");
  }

  @Test
  void badQueryIsAnError() throws Exception {
    assertThat(failure(scaler(Map.of(), "query", "sum(")))
        .hasMessage("prometheus query api returned error. status: 400");
  }

  @Test
  void unreachableServerIsAnError() throws Exception {
    String address = "http://127.0.0.1:" + Sources.freePort();
    assertThat(failure(scaler(Map.of(), "serverAddress", address, "query", "up")))
        .hasMessageContaining("prometheus query up to " + address + " failed");
  }

  @Test
  void sendsAuthHeadersCustomHeadersNamespaceAndQueryParameters() throws Exception {
    try (RecordingServer server = new RecordingServer(VERTX, new HttpServerOptions())) {
      server.serve("/bearer/api/v1/query", "application/json", VECTOR);
      server.serve("/basic/api/v1/query", "application/json", VECTOR);
      server.serve("/custom/api/v1/query", "application/json", VECTOR);

      ScalerResult r =
          poll(
              scaler(
                  Map.of("bearerToken", "tok-1"),
                  "serverAddress",
                  server.url() + "/bearer",
                  "query",
                  "sum(x) by (a)",
                  "authModes",
                  "bearer",
                  "customHeaders",
                  "X-Tenant=t1",
                  "namespace",
                  "team-a",
                  "queryParameters",
                  "dedup=false"));
      assertThat(value(r)).isEqualTo(4.0);
      RecordingServer.Seen bearer = server.seen("/bearer/api/v1/query");
      assertThat(bearer.headers().get("Authorization")).isEqualTo("Bearer tok-1");
      assertThat(bearer.headers().get("X-Tenant")).isEqualTo("t1");
      assertThat(bearer.params().get("query")).isEqualTo("sum(x) by (a)");
      assertThat(bearer.params().get("namespace")).isEqualTo("team-a");
      assertThat(bearer.params().get("dedup")).isEqualTo("false");
      assertThat(bearer.params().get("time")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");

      poll(
          scaler(
              Map.of("username", "user", "password", "pass"),
              "serverAddress",
              server.url() + "/basic",
              "query",
              "up",
              "authModes",
              "basic"));
      assertThat(server.seen("/basic/api/v1/query").headers().get("Authorization"))
          .isEqualTo("Basic dXNlcjpwYXNz");

      poll(
          scaler(
              Map.of("customAuthHeader", "X-Auth", "customAuthValue", "cv"),
              "serverAddress",
              server.url() + "/custom",
              "query",
              "up",
              "authModes",
              "custom"));
      assertThat(server.seen("/custom/api/v1/query").headers().get("X-Auth")).isEqualTo("cv");
    }
  }

  @Test
  void errorStatusOfAnyProxyIsAnError() throws Exception {
    try (RecordingServer server = new RecordingServer(VERTX, new HttpServerOptions())) {
      server.serve("/api/v1/query", 503, "text/plain", "down");
      assertThat(failure(scaler(Map.of(), "serverAddress", server.url(), "query", "up")))
          .hasMessage("prometheus query api returned error. status: 503");
    }
  }
}
