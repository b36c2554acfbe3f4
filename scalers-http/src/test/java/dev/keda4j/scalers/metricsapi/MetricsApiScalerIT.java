package dev.keda4j.scalers.metricsapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keda4j.scalers.http.HttpClients;
import dev.keda4j.scalers.http.RecordingServer;
import dev.keda4j.scalers.http.TestCertificates;
import dev.keda4j.scalers.spi.Scaler;
import dev.keda4j.scalers.spi.ScalerContext;
import dev.keda4j.scalers.spi.ScalerRegistry;
import dev.keda4j.scalers.spi.ScalerResult;
import dev.keda4j.scalers.spi.ScalerRuntime;
import dev.keda4j.testkit.sources.Sources;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
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
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code metrics-api} against loopback HTTP and HTTPS servers started by the test. */
class MetricsApiScalerIT {
  private static final Vertx VERTX = Vertx.vertx();
  private static final ExecutorService BLOCKING = Executors.newFixedThreadPool(1);
  private static final ScalerRuntime RUNTIME = new ScalerRuntime(VERTX, BLOCKING);
  private static final ScalerRegistry REGISTRY = ScalerRegistry.load();
  private static final String JSON =
      "{\"components\":[{\"id\":\"a\",\"tasks\":32,\"str\":\"64\",\"wrong\":\"NaN\"}],"
          + "\"count\":2.43}";

  private static RecordingServer http;
  private static RecordingServer https;
  private static TestCertificates serverCert;
  private static TestCertificates clientCert;

  private final List<Scaler> scalers = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    http = new RecordingServer(VERTX, new HttpServerOptions());
    serverCert = TestCertificates.selfSigned("localhost");
    clientCert = TestCertificates.selfSigned("keda4j-client");
    https =
        new RecordingServer(
            VERTX,
            new HttpServerOptions()
                .setSsl(true)
                .setKeyCertOptions(
                    new PemKeyCertOptions()
                        .setCertValue(Buffer.buffer(serverCert.cert()))
                        .setKeyValue(Buffer.buffer(serverCert.key())))
                .setClientAuth(ClientAuth.REQUEST)
                .setTrustOptions(
                    new PemTrustOptions().addCertValue(Buffer.buffer(clientCert.cert()))));
  }

  @AfterEach
  void closeScalers() {
    scalers.forEach(Scaler::close);
    scalers.clear();
  }

  @AfterAll
  static void stop() throws Exception {
    http.close();
    https.close();
    RUNTIME.close();
    VERTX.close().await();
    BLOCKING.shutdown();
    BLOCKING.awaitTermination(5, TimeUnit.SECONDS);
  }

  private Scaler scaler(String url, String location, Map<String, String> auth, String... kv)
      throws Exception {
    Map<String, String> md = new HashMap<>();
    md.put("url", url);
    md.put("valueLocation", location);
    md.put("targetValue", "10");
    for (int i = 0; i < kv.length; i += 2) {
      md.put(kv[i], kv[i + 1]);
    }
    ScalerContext ctx =
        ScalerContext.builder("metrics-api")
            .scalableObject("ScaledObject", "it", "api-app")
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

  private static double value(Scaler s) throws Exception {
    return poll(s).values().get(0).value().doubleValue();
  }

  private static Throwable failure(Scaler s) {
    String name = s.metricSpecs().get(0).metricName();
    ExecutionException e =
        Assertions.assertThrows(
            ExecutionException.class,
            () -> s.poll(name).toCompletableFuture().get(15, TimeUnit.SECONDS));
    return e.getCause();
  }

  @Test
  void readsJsonYamlXmlAndPrometheusText() throws Exception {
    String json = http.serve("/json", "application/json", JSON);
    String yaml = http.serve("/yaml", "application/yaml", "queue:\n  items:\n    - size: 12\n");
    String xml = http.serve("/xml", "application/xml", "<stats><queue>3</queue></stats>");
    String prom =
        http.serve(
            "/metrics",
            "text/plain",
            "# TYPE q gauge\nq{name=\"a\"} 1\nq{name=\"b\",zone=\"z\"} 21\n");
    assertThat(value(scaler(json, "components.0.tasks", Map.of()))).isEqualTo(32.0);
    assertThat(value(scaler(json, "components.0.str", Map.of()))).isEqualTo(64.0);
    assertThat(value(scaler(json, "count", Map.of()))).isEqualTo(2.43);
    assertThat(value(scaler(yaml, "queue.items.0.size", Map.of(), "format", "yaml")))
        .isEqualTo(12.0);
    assertThat(value(scaler(xml, "stats.queue", Map.of(), "format", "xml"))).isEqualTo(3.0);
    assertThat(value(scaler(prom, "q{name=\"b\"}", Map.of(), "format", "prometheus")))
        .isEqualTo(21.0);
  }

  @Test
  void activationIsStrictlyAboveActivationTargetValue() throws Exception {
    String json = http.serve("/activation", "application/json", "{\"v\":5}");
    assertThat(poll(scaler(json, "v", Map.of(), "activationTargetValue", "4.9")).active()).isTrue();
    assertThat(poll(scaler(json, "v", Map.of(), "activationTargetValue", "5")).active()).isFalse();
  }

  @Test
  void eachAuthModeReachesTheServer() throws Exception {
    String url = http.serve("/auth", "application/json", "{\"v\":1}");

    poll(scaler(url, "v", Map.of("apiKey", "k-1"), "authMode", "apiKey"));
    assertThat(http.seen("/auth").headers().get("X-API-KEY")).isEqualTo("k-1");

    poll(scaler(url, "v", Map.of("apiKey", "k-2"), "authMode", "apiKey", "keyParamName", "X-K"));
    assertThat(http.seen("/auth").headers().get("X-K")).isEqualTo("k-2");

    poll(scaler(url, "v", Map.of("apiKey", "k 3", "method", "query"), "authMode", "apiKey"));
    assertThat(http.seen("/auth").params().get("api_key")).isEqualTo("k 3");

    poll(scaler(url, "v", Map.of("username", "u", "password", "p"), "authMode", "basic"));
    assertThat(http.seen("/auth").headers().get("Authorization")).isEqualTo("Basic dTpw");

    poll(scaler(url, "v", Map.of("bearerToken", "tok"), "authMode", "bearer"));
    assertThat(http.seen("/auth").headers().get("Authorization")).isEqualTo("Bearer tok");

    poll(
        scaler(
            url,
            "v",
            Map.of("customAuthHeader", "X-Org", "customAuthValue", "o1"),
            "authMode",
            "custom"));
    assertThat(http.seen("/auth").headers().get("X-Org")).isEqualTo("o1");
  }

  @Test
  void httpErrorIsAFailedPoll() throws Exception {
    String url = http.serve("/status500", 500, "text/plain", "boom");
    assertThat(failure(scaler(url, "v", Map.of()))).hasMessage("/status500: api returned 500");
  }

  @Test
  void nonNumericOrMissingValueIsAFailedPoll() throws Exception {
    String json = http.serve("/json-bad", "application/json", JSON);
    assertThat(failure(scaler(json, "components.0.wrong", Map.of())))
        .hasMessageContaining("got: 'NaN'");
    assertThat(failure(scaler(json, "components.1.tasks", Map.of())))
        .hasMessageContaining("got: 'Null'");
    String html = http.serve("/html", "text/html", "<html>");
    assertThat(failure(scaler(html, "v", Map.of(), "format", "yaml")))
        .hasMessageContaining("unable to parse yaml");
  }

  @Test
  void unreachableEndpointIsAFailedPollWithoutTheApiKey() throws Exception {
    String url = "http://127.0.0.1:" + Sources.freePort() + "/x";
    Throwable t =
        failure(
            scaler(url, "v", Map.of("apiKey", "s3cr3t", "method", "query"), "authMode", "apiKey"));
    assertThat(t).hasMessageContaining("metrics-api request to /x failed");
    assertThat(t.getMessage()).doesNotContain("s3cr3t");
  }

  @Test
  void selfSignedTlsNeedsUnsafeSslOrTheCa() throws Exception {
    String url = https.serve("/tls", "application/json", "{\"v\":6}");
    assertThat(failure(scaler(url, "v", Map.of()))).hasMessageContaining("failed");
    assertThat(value(scaler(url, "v", Map.of(), "unsafeSsl", "true"))).isEqualTo(6.0);
    assertThat(https.seen("/tls").clientCertificate()).isFalse();
    assertThat(value(scaler(url, "v", Map.of("ca", serverCert.cert())))).isEqualTo(6.0);
  }

  @Test
  void tlsModePresentsTheClientCertificate() throws Exception {
    String url = https.serve("/mtls", "application/json", "{\"v\":2}");
    Map<String, String> auth =
        Map.of("cert", clientCert.cert(), "key", clientCert.key(), "ca", serverCert.cert());
    assertThat(value(scaler(url, "v", auth, "authModes", "tls"))).isEqualTo(2.0);
    assertThat(https.seen("/mtls").clientCertificate()).isTrue();
  }

  @Test
  void triggersWithTheSameTlsShareOneClient() throws Exception {
    String url = http.serve("/shared", "application/json", "{\"v\":1}");
    HttpClients clients = RUNTIME.shared(HttpClients.class, () -> new HttpClients(VERTX));
    int before = clients.size();
    Scaler a = scaler(url, "v", Map.of("bearerToken", "a"), "authMode", "bearer");
    Scaler b = scaler(url, "v", Map.of("bearerToken", "b"), "authMode", "bearer");
    poll(a);
    poll(b);
    assertThat(clients.size()).isEqualTo(before + 1);
    Scaler c = scaler(url, "v", Map.of(), "unsafeSsl", "true");
    poll(c);
    assertThat(clients.size()).isEqualTo(before + 2);
    a.close();
    b.close();
    c.close();
    a.close();
    assertThat(clients.size()).isEqualTo(before);
  }
}
