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
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.Http2Settings;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Open-loop latency of metric reads: the adapter (TLS, front-proxy client certificate, cached
 * authorization, 10,000 registered metrics) against a bare Vert.x HTTPS endpoint answering the same
 * JSON. Requests are sent on a fixed schedule whatever the responses do, and latency is measured
 * from the scheduled send time, so a stall shows up instead of slowing the driver down.
 *
 * <p>Run: {@code mvn -q -o -pl metrics-adapter test-compile exec:java
 * -Dexec.mainClass=dev.keda4j.adapter.bench.AdapterBenchmark -Dexec.classpathScope=test
 * -Dexec.args="1000 10 30"} (rate per second, warm-up seconds, measured seconds), or {@code
 * -Dexec.args="closed 64 5 10"} for the closed-loop maximum throughput with 64 requests in flight.
 * Both servers are warmed up (twice each) before measuring, then each is measured twice,
 * alternately.
 */
public final class AdapterBenchmark {
  private static final int METRICS = 10_000;
  private static final String HPA = "system:serviceaccount:kube-system:horizontal-pod-autoscaler";

  private AdapterBenchmark() {}

  public static void main(String[] args) throws Exception {
    boolean closed = args.length > 0 && "closed".equals(args[0]);
    int shift = closed ? 1 : 0;
    // open loop: requests per second; closed loop: requests in flight
    int rate = args.length > shift ? Integer.parseInt(args[shift]) : closed ? 64 : 1000;
    int warmup = args.length > shift + 1 ? Integer.parseInt(args[shift + 1]) : 10;
    int seconds = args.length > shift + 2 ? Integer.parseInt(args[shift + 2]) : 30;
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
    RunningAdapter adapter =
        MetricsAdapterServer.start(
                vertx,
                AdapterOptions.defaults()
                    .withListen("127.0.0.1", 0)
                    .withRequestHeader(
                        RequestHeaderConfig.standard(
                            List.of(frontProxyCa.ca()), List.of("front-proxy-client"))),
                source,
                null,
                a -> CompletableFuture.completedFuture(AuthorizationDecision.allow()))
            .toCompletableFuture()
            .join();
    KeyMaterial serving = SelfSignedCertificate.generate(List.of(), Instant.now());
    Buffer sameJson =
        Buffer.buffer(
            ExternalMetricList.of(List.of(MetricValue.ofCount("s0-bench-1", 1)), Instant.now())
                    .encode()
                + "\n");
    HttpServer bare =
        vertx
            .createHttpServer(
                new HttpServerOptions()
                    .setSsl(true)
                    .setUseAlpn(true)
                    .setInitialSettings(new Http2Settings().setMaxConcurrentStreams(250))
                    .setKeyCertOptions(
                        new PemKeyCertOptions()
                            .setCertValue(Buffer.buffer(Pem.encode(serving.leaf())))
                            .setKeyValue(Buffer.buffer(Pem.encode(serving.key())))))
            .requestHandler(
                req -> req.response().putHeader("Content-Type", "application/json").end(sameJson))
            .listen(0, "127.0.0.1")
            .await();
    KeyMaterial proxyIdentity = frontProxyCa.client("front-proxy-client");
    System.out.printf(
        Locale.ROOT,
        "%s %d, warm-up %d s, measured %d s, %d metrics, %d cores%n",
        closed ? "closed loop, in flight" : "open loop, rate/s",
        rate,
        warmup,
        seconds,
        METRICS,
        Runtime.getRuntime().availableProcessors());
    // both servers are warmed up before either is measured, and measured alternately: the one
    // measured first must not pay for the JIT compiling the TLS, HTTP/2 and client code they share
    HttpClient toAdapter = client(proxyIdentity);
    HttpClient toBare = client(proxyIdentity);
    primeConnection(toAdapter, adapter.port());
    primeConnection(toBare, bare.actualPort());
    for (int round = 0; round < 2; round++) {
      measure(closed, "warm-up", toAdapter, adapter.port(), rate, warmup);
      measure(closed, "warm-up", toBare, bare.actualPort(), rate, warmup);
    }
    for (int round = 0; round < 2; round++) {
      measure(closed, "adapter", toAdapter, adapter.port(), rate, seconds);
      measure(closed, "bare vert.x", toBare, bare.actualPort(), rate, seconds);
    }
    RESPONSES.shutdownNow();
    adapter.close().toCompletableFuture().join();
    bare.close().await();
    vertx.close().await();
  }

  private static final ExecutorService RESPONSES = Executors.newFixedThreadPool(2);

  private static HttpClient client(KeyMaterial identity) {
    // one primed connection per server: requests sent before an HTTP/2 connection exists each
    // open their own
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_2)
        .sslContext(TestPki.clientContext(identity))
        .executor(RESPONSES)
        .build();
  }

  private static void measure(
      boolean closed, String label, HttpClient client, int port, int rate, int seconds)
      throws InterruptedException {
    long[] latencies = new long[closed ? 2_000_000 : rate * seconds];
    long began = System.nanoTime();
    Result r =
        closed
            ? driveClosed(client, port, rate, seconds, latencies)
            : drive(client, port, rate, seconds, latencies);
    double elapsed = (System.nanoTime() - began) / 1e9;
    if ("warm-up".equals(label)) {
      return;
    }
    long[] sorted = Arrays.copyOf(latencies, Math.min(latencies.length, r.completed()));
    Arrays.sort(sorted);
    System.out.printf(
        Locale.ROOT,
        "%-12s sent %d ok %d errors %d  %.0f req/s  p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  p99.9"
            + " %.2f ms  max %.2f ms%n",
        label,
        r.sent(),
        r.completed() - r.errors(),
        r.errors(),
        r.completed() / elapsed,
        percentile(sorted, 0.50),
        percentile(sorted, 0.90),
        percentile(sorted, 0.99),
        percentile(sorted, 0.999),
        sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
  }

  /**
   * Closed loop for maximum throughput: {@code inFlight} requests outstanding, each answer sends
   * the next one, for {@code seconds}. Latency is from send to answer (a closed loop has no
   * schedule); use it to find the highest rate, then confirm that rate's tail in the open loop.
   */
  private static Result driveClosed(
      HttpClient client, int port, int inFlight, int seconds, long[] out)
      throws InterruptedException {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    AtomicInteger sent = new AtomicInteger();
    AtomicInteger completed = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(inFlight);
    for (int c = 0; c < inFlight; c++) {
      sendNext(client, port, end, sent, completed, errors, out, done);
    }
    done.await(seconds + 60L, TimeUnit.SECONDS);
    return new Result(sent.get(), completed.get(), errors.get());
  }

  private static void sendNext(
      HttpClient client,
      int port,
      long end,
      AtomicInteger sent,
      AtomicInteger completed,
      AtomicInteger errors,
      long[] out,
      CountDownLatch done) {
    if (System.nanoTime() >= end) {
      done.countDown();
      return;
    }
    int i = sent.getAndIncrement();
    long began = System.nanoTime();
    client
        .sendAsync(request(port, i % METRICS), HttpResponse.BodyHandlers.ofString())
        .whenComplete(
            (resp, failure) -> {
              long latency = System.nanoTime() - began;
              if ((failure != null || resp.statusCode() != 200) && errors.getAndIncrement() == 0) {
                System.out.println("first error: " + (failure != null ? failure : resp.body()));
              }
              int n = completed.getAndIncrement();
              if (n < out.length) {
                out[n] = latency;
              }
              sendNext(client, port, end, sent, completed, errors, out, done);
            });
  }

  private record Result(int sent, int completed, int errors) {}

  private static void primeConnection(HttpClient client, int port) {
    try {
      HttpResponse<String> r = client.send(request(port, 0), HttpResponse.BodyHandlers.ofString());
      System.out.printf(Locale.ROOT, "primed %s: %d%n", r.version(), r.statusCode());
    } catch (Exception e) {
      throw new IllegalStateException("the first request failed", e);
    }
  }

  private static HttpRequest request(int port, int m) {
    return HttpRequest.newBuilder(
            URI.create(
                "https://127.0.0.1:"
                    + port
                    + "/apis/external.metrics.k8s.io/v1beta1/namespaces/bench/s0-bench-"
                    + m
                    + "?labelSelector=scaledobject.keda.sh%2Fname%3Dso-"
                    + m))
        .header("X-Remote-User", HPA)
        .timeout(Duration.ofSeconds(10))
        .build();
  }

  private static Result drive(HttpClient client, int port, int rate, int seconds, long[] out)
      throws InterruptedException {
    int total = rate * seconds;
    long intervalNanos = 1_000_000_000L / rate;
    AtomicInteger completed = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    AtomicLong slot = new AtomicLong();
    CountDownLatch done = new CountDownLatch(total);
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    long start = System.nanoTime();
    ticker.scheduleAtFixedRate(
        () -> {
          long now = System.nanoTime();
          // catch up on ticks the scheduler delayed: open loop means the schedule, not the timer
          long due = Math.min(total, (now - start) / intervalNanos + 1);
          for (long i = slot.get(); i < due; i = slot.incrementAndGet()) {
            long intended = start + i * intervalNanos;
            int m = (int) (i % METRICS);
            HttpRequest req = request(port, m);
            client
                .sendAsync(req, HttpResponse.BodyHandlers.ofString())
                .whenComplete(
                    (resp, failure) -> {
                      long latency = System.nanoTime() - intended;
                      if (failure != null || resp.statusCode() != 200) {
                        if (errors.getAndIncrement() == 0) {
                          System.out.println(
                              "first error: " + (failure != null ? failure : resp.body()));
                        }
                      }
                      int n = completed.getAndIncrement();
                      if (out != null && n < out.length) {
                        out[n] = latency;
                      }
                      done.countDown();
                    });
          }
          if (slot.get() >= total) {
            throw new IllegalStateException("schedule complete");
          }
        },
        0,
        intervalNanos,
        TimeUnit.NANOSECONDS);
    done.await(seconds + 60L, TimeUnit.SECONDS);
    ticker.shutdownNow();
    return new Result((int) Math.min(slot.get(), total), completed.get(), errors.get());
  }

  private static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int i = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
    return sorted[Math.max(0, i)] / 1e6;
  }
}
