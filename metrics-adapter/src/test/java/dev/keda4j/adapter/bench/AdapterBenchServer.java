package dev.keda4j.adapter.bench;

import dev.keda4j.adapter.AdapterOptions;
import dev.keda4j.adapter.MetricsAdapterServer;
import dev.keda4j.adapter.MetricsSource;
import dev.keda4j.adapter.RunningAdapter;
import dev.keda4j.adapter.api.ExternalMetricList;
import dev.keda4j.adapter.auth.AuthorizationDecision;
import dev.keda4j.adapter.auth.RequestHeaderConfig;
import dev.keda4j.adapter.testing.TestPki;
import dev.keda4j.adapter.tls.KeyMaterial;
import dev.keda4j.adapter.tls.Pem;
import dev.keda4j.adapter.tls.SelfSignedCertificate;
import dev.keda4j.scalers.spi.MetricValue;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.Http2Settings;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/**
 * The server side of the metrics-adapter benchmark, in its own JVM so the load driver ({@link
 * AdapterLoadDriver}) does not share its heap, JIT or GC: the keda4j adapter (TLS, front-proxy
 * client certificates, cached authorization, {@value #METRICS} registered metrics) and a bare
 * Vert.x HTTPS endpoint answering the same JSON, each on as many event loops as the adapter uses.
 * Writes {@code server.properties} (ports) and the front-proxy client identity into the directory
 * given as the first argument, then runs until killed.
 */
public final class AdapterBenchServer {
  static final int METRICS = 10_000;

  private AdapterBenchServer() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "target/adapter-bench");
    int eventLoops = args.length > 1 ? Integer.parseInt(args[1]) : 0;
    Files.createDirectories(dir);
    Vertx vertx = Vertx.vertx();
    TestPki frontProxyCa = new TestPki("front-proxy-ca");
    Map<String, List<MetricValue>> values = new HashMap<>();
    for (int i = 0; i < METRICS; i++) {
      values.put("so-" + i + "/s0-bench-" + i, List.of(MetricValue.ofCount("s0-bench-" + i, i)));
    }
    MetricsSource source =
        (ns, so, metric) -> {
          List<MetricValue> v = values.get(so + "/" + metric);
          return v == null
              ? CompletableFuture.failedFuture(new IllegalStateException("no metric " + metric))
              : CompletableFuture.completedFuture(v);
        };
    AdapterOptions options =
        AdapterOptions.defaults()
            .withListen("127.0.0.1", 0)
            .withRequestHeader(
                RequestHeaderConfig.standard(
                    List.of(frontProxyCa.ca()), List.of("front-proxy-client")));
    if (eventLoops > 0) {
      options = options.withEventLoops(eventLoops);
    }
    RunningAdapter adapter =
        MetricsAdapterServer.start(
                vertx,
                options,
                source,
                null,
                a -> CompletableFuture.completedFuture(AuthorizationDecision.allow()))
            .toCompletableFuture()
            .join();
    int bareLoops = options.eventLoops();
    int barePort = startBare(vertx, bareLoops);
    frontProxyCa.writeCertDir(dir, frontProxyCa.client("front-proxy-client"));
    Properties p = new Properties();
    p.setProperty("adapter.port", Integer.toString(adapter.port()));
    p.setProperty("bare.port", Integer.toString(barePort));
    p.setProperty("event.loops", Integer.toString(bareLoops));
    p.setProperty("metrics", Integer.toString(METRICS));
    Path tmp = dir.resolve("server.properties.tmp");
    try (var out = Files.newBufferedWriter(tmp)) {
      p.store(out, "keda4j adapter benchmark server");
    }
    Files.move(tmp, dir.resolve("server.properties"));
    System.out.printf(
        "bench server: adapter on %d, bare on %d, %d event loop(s) each%n",
        adapter.port(), barePort, bareLoops);
    new CountDownLatch(1).await();
  }

  /** The same JSON as one adapter answer, without routing, authentication or lookups. */
  private static int startBare(Vertx vertx, int instances) throws IOException {
    KeyMaterial serving = SelfSignedCertificate.generate(List.of(), Instant.now());
    Buffer sameJson =
        ExternalMetricList.encode(List.of(MetricValue.ofCount("s0-bench-1", 1)), Instant.now());
    HttpServerOptions serverOptions =
        new HttpServerOptions()
            .setHost("127.0.0.1")
            .setSsl(true)
            .setUseAlpn(true)
            .setInitialSettings(new Http2Settings().setMaxConcurrentStreams(250))
            .setKeyCertOptions(
                new PemKeyCertOptions()
                    .setCertValue(Buffer.buffer(Pem.encode(serving.leaf())))
                    .setKeyValue(Buffer.buffer(Pem.encode(serving.key()))));
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      port = probe.getLocalPort();
    }
    bareServer(vertx, serverOptions, sameJson, port).await();
    if (instances > 1) {
      vertx
          .deployVerticle(
              () ->
                  new VerticleBase() {
                    @Override
                    public Future<?> start() {
                      return bareServer(vertx, serverOptions, sameJson, port);
                    }
                  },
              new DeploymentOptions().setInstances(instances - 1))
          .await();
    }
    return port;
  }

  private static Future<HttpServer> bareServer(
      Vertx vertx, HttpServerOptions options, Buffer json, int port) {
    return vertx
        .createHttpServer(new HttpServerOptions(options).setPort(port))
        .requestHandler(
            req -> req.response().putHeader("Content-Type", "application/json").end(json))
        .listen();
  }
}
