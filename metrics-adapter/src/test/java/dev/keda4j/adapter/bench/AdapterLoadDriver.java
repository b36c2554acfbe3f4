package dev.keda4j.adapter.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.PemKeyCertOptions;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load side of the metrics-adapter benchmark, in its own JVM: a Vert.x (Netty) HTTP/2 client
 * over TLS presenting the front-proxy client certificate and {@code X-Remote-User}, as the
 * kube-aggregator does. Reads the ports from the {@link AdapterBenchServer}'s directory, warms both
 * servers up twice, then measures adapter and bare alternately, twice each.
 *
 * <p>Arguments: {@code DIR open RATE[,RATE...] WARMUP SECONDS [CONNECTIONS]} (several rates: a
 * sweep, each measured once per server) — open loop: requests go out on a fixed schedule whatever
 * the answers do and latency counts from the scheduled time (no coordinated omission); or {@code
 * DIR closed IN_FLIGHT WARMUP SECONDS [CONNECTIONS]} — closed loop: that many requests outstanding,
 * each answer sends the next, for the highest rate.
 */
public final class AdapterLoadDriver {
  private static final String HPA = "system:serviceaccount:kube-system:horizontal-pod-autoscaler";

  private final Vertx vertx;
  private final String[] uris;

  private AdapterLoadDriver(Vertx vertx, int metrics) {
    this.vertx = vertx;
    this.uris = new String[metrics];
    for (int m = 0; m < metrics; m++) {
      uris[m] =
          "/apis/external.metrics.k8s.io/v1beta1/namespaces/bench/s0-bench-"
              + m
              + "?labelSelector=scaledobject.keda.sh%2Fname%3Dso-"
              + m;
    }
  }

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    boolean closed = "closed".equals(args[1]);
    int[] loads = Arrays.stream(args[2].split(",")).mapToInt(Integer::parseInt).toArray();
    int load = loads[0];
    int warmup = Integer.parseInt(args[3]);
    int seconds = Integer.parseInt(args[4]);
    int connections = args.length > 5 ? Integer.parseInt(args[5]) : 2;
    Properties server = new Properties();
    try (Reader r = Files.newBufferedReader(dir.resolve("server.properties"))) {
      server.load(r);
    }
    int metrics = Integer.parseInt(server.getProperty("metrics"));
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(Math.max(1, connections)));
    AdapterLoadDriver driver = new AdapterLoadDriver(vertx, metrics);
    Target adapter = new Target("adapter", Integer.parseInt(server.getProperty("adapter.port")));
    Target bare = new Target("bare vert.x", Integer.parseInt(server.getProperty("bare.port")));
    HttpClientAgent toAdapter = driver.client(dir, connections);
    HttpClientAgent toBare = driver.client(dir, connections);
    System.out.printf(
        Locale.ROOT,
        "%s %s, warm-up %d s, measured %d s, %d metrics, %d connection(s), server event loops %s,"
            + " load average %s%n",
        closed ? "closed loop, in flight" : "open loop, rate/s",
        args[2],
        warmup,
        seconds,
        metrics,
        connections,
        server.getProperty("event.loops"),
        loadAverage());
    for (int round = 0; round < 2; round++) {
      driver.run(closed, toAdapter, adapter, load, warmup, false);
      driver.run(closed, toBare, bare, load, warmup, false);
    }
    for (int step : loads) {
      // a sweep (several loads) measures each load once per server; a single load twice
      for (int round = 0; round < (loads.length > 1 ? 1 : 2); round++) {
        driver.run(closed, toAdapter, adapter, step, seconds, true);
        driver.run(closed, toBare, bare, step, seconds, true);
      }
    }
    System.out.printf(Locale.ROOT, "load average at the end %s%n", loadAverage());
    vertx.close().await();
  }

  private record Target(String label, int port) {}

  private record Result(long sent, int completed, int errors) {}

  private HttpClientAgent client(Path dir, int connections) {
    return vertx
        .httpClientBuilder()
        .with(
            new HttpClientOptions()
                .setProtocolVersion(HttpVersion.HTTP_2)
                .setSsl(true)
                .setUseAlpn(true)
                .setTrustAll(true)
                .setVerifyHost(false)
                .setKeyCertOptions(
                    new PemKeyCertOptions()
                        .setCertPath(dir.resolve("tls.crt").toString())
                        .setKeyPath(dir.resolve("tls.key").toString())))
        .with(new PoolOptions().setHttp2MaxSize(connections))
        .build();
  }

  private Future<Integer> get(HttpClientAgent client, Target target, int metric) {
    return client
        .request(
            new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setHost("127.0.0.1")
                .setPort(target.port())
                .setURI(uris[metric])
                .putHeader("X-Remote-User", HPA))
        .compose(HttpClientRequest::send)
        .compose(resp -> resp.body().map(body -> resp.statusCode()));
  }

  private void run(
      boolean closed, HttpClientAgent client, Target target, int load, int seconds, boolean report)
      throws InterruptedException {
    long[] latencies = new long[closed ? 4_000_000 : load * seconds];
    long began = System.nanoTime();
    Result r =
        closed
            ? closedLoop(client, target, load, seconds, latencies)
            : openLoop(client, target, load, seconds, latencies);
    double elapsed = (System.nanoTime() - began) / 1e9;
    if (!report) {
      return;
    }
    long[] sorted = Arrays.copyOf(latencies, Math.min(latencies.length, r.completed()));
    Arrays.sort(sorted);
    System.out.printf(
        Locale.ROOT,
        "%-12s %s %d: sent %d ok %d errors %d  %.0f req/s  p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  p99.9"
            + " %.2f ms  max %.2f ms  (load average %s)%n",
        target.label(),
        closed ? "in flight" : "rate",
        load,
        r.sent(),
        r.completed() - r.errors(),
        r.errors(),
        r.completed() / elapsed,
        percentile(sorted, 0.50),
        percentile(sorted, 0.90),
        percentile(sorted, 0.99),
        percentile(sorted, 0.999),
        sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6,
        loadAverage());
  }

  private Result openLoop(HttpClientAgent client, Target target, int rate, int seconds, long[] out)
      throws InterruptedException {
    int total = rate * seconds;
    long intervalNanos = 1_000_000_000L / rate;
    AtomicInteger completed = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    AtomicLong slot = new AtomicLong();
    CountDownLatch done = new CountDownLatch(total);
    long start = System.nanoTime();
    // sent from a Vert.x timer, on an event loop, at most every millisecond: a timer per request
    // (50 µs apart at 20,000/s) cost the driver more CPU than the requests. Each request still
    // counts
    // from its own scheduled instant, so batching can only add to the latency it reports.
    long periodMs = Math.max(1, intervalNanos / 1_000_000);
    vertx.setPeriodic(
        0,
        periodMs,
        timer -> {
          long due = Math.min(total, (System.nanoTime() - start) / intervalNanos + 1);
          for (long i = slot.get(); i < due; i = slot.incrementAndGet()) {
            long intended = start + i * intervalNanos;
            get(client, target, (int) (i % uris.length))
                .onComplete(
                    ar -> {
                      long latency = System.nanoTime() - intended;
                      record(ar.succeeded() ? ar.result() : -1, ar.cause(), errors);
                      int n = completed.getAndIncrement();
                      if (n < out.length) {
                        out[n] = latency;
                      }
                      done.countDown();
                    });
          }
          if (slot.get() >= total) {
            vertx.cancelTimer(timer);
          }
        });
    done.await(seconds + 60L, TimeUnit.SECONDS);
    return new Result(Math.min(slot.get(), total), completed.get(), errors.get());
  }

  private Result closedLoop(
      HttpClientAgent client, Target target, int inFlight, int seconds, long[] out)
      throws InterruptedException {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    AtomicLong sent = new AtomicLong();
    AtomicInteger completed = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(inFlight);
    for (int c = 0; c < inFlight; c++) {
      sendNext(client, target, end, new Counters(sent, completed, errors, out, done));
    }
    done.await(seconds + 60L, TimeUnit.SECONDS);
    return new Result(sent.get(), completed.get(), errors.get());
  }

  private record Counters(
      AtomicLong sent,
      AtomicInteger completed,
      AtomicInteger errors,
      long[] out,
      CountDownLatch done) {}

  private void sendNext(HttpClientAgent client, Target target, long end, Counters c) {
    if (System.nanoTime() >= end) {
      c.done().countDown();
      return;
    }
    long i = c.sent().getAndIncrement();
    long began = System.nanoTime();
    get(client, target, (int) (i % uris.length))
        .onComplete(
            ar -> {
              long latency = System.nanoTime() - began;
              record(ar.succeeded() ? ar.result() : -1, ar.cause(), c.errors());
              int n = c.completed().getAndIncrement();
              if (n < c.out().length) {
                c.out()[n] = latency;
              }
              sendNext(client, target, end, c);
            });
  }

  private static void record(int status, Throwable failure, AtomicInteger errors) {
    if (status != 200 && errors.getAndIncrement() == 0) {
      System.out.println("first error: " + (failure != null ? failure : "HTTP " + status));
    }
  }

  private static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int i = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
    return sorted[Math.max(0, i)] / 1e6;
  }

  private static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0];
    } catch (IOException e) {
      return "?";
    }
  }
}
