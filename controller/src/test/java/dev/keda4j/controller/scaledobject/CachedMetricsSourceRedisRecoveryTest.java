package dev.keda4j.controller.scaledobject;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keda4j.api.v1alpha1.ScaleTarget;
import dev.keda4j.api.v1alpha1.ScaleTriggers;
import dev.keda4j.api.v1alpha1.ScaledObject;
import dev.keda4j.api.v1alpha1.ScaledObjectSpec;
import dev.keda4j.controller.metrics.KedaMetrics;
import dev.keda4j.controller.scaling.ScalerCache;
import dev.keda4j.controller.scaling.resolve.InMemoryObjectLookup;
import dev.keda4j.controller.scaling.resolve.TriggerResolver;
import dev.keda4j.scalers.spi.MetricValue;
import dev.keda4j.scalers.spi.ScalerRegistry;
import dev.keda4j.scalers.spi.ScalerRuntime;
import dev.keda4j.testkit.sources.RedisFixture;
import dev.keda4j.testkit.time.MutableClock;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Against the shared Redis, through a TCP proxy that can silently drop a connection's traffic (a
 * half-open connection, as after a network partition): a redis scaler whose connection broke serves
 * again after recovery through the metrics API path alone, no scale loop running.
 */
class CachedMetricsSourceRedisRecoveryTest {
  @RegisterExtension static final RedisFixture REDIS = new RedisFixture();

  private static final String NS = "ns";
  private static final String NAME = "so-redis";
  private static final String KEY = "ScaledObject ns/so-redis";
  private static final Duration READ_TIMEOUT = Duration.ofMillis(500);

  private Vertx vertx;
  private ExecutorService blocking;
  private ScalerRuntime runtime;
  private ScalerCache cache;
  private BlackholeProxy proxy;
  private final AtomicInteger builds = new AtomicInteger();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

  @BeforeEach
  void start() throws IOException {
    vertx = Vertx.vertx();
    blocking = Executors.newFixedThreadPool(2);
    runtime = new ScalerRuntime(vertx, blocking);
    ScalerRegistry registry = ScalerRegistry.load();
    cache =
        new ScalerCache(
            ctx -> {
              builds.incrementAndGet();
              return registry.build(ctx, runtime).scaler();
            },
            KedaMetrics.NOOP);
    proxy = new BlackholeProxy(REDIS.host(), REDIS.port());
  }

  @AfterEach
  void stop() throws Exception {
    cache.close();
    runtime.close();
    proxy.close();
    blocking.shutdownNow();
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void aScalerWhoseConnectionBrokeServesAgainAfterRecoveryThroughTheMetricsPathAlone()
      throws Exception {
    String list = REDIS.key();
    REDIS.call("RPUSH", list, "a", "b", "c");
    ScaledObject so = so(list);
    TriggerResolver resolver = TriggerResolver.of(new InMemoryObjectLookup(), "keda");
    assertThat(cache.scalers(KEY, resolver.resolve(so, resolver.envSource(so, null))))
        .singleElement()
        .satisfies(t -> assertThat(t.scaler()).isPresent());
    MetricReads reads = MetricReads.of(cache);
    reads.attach(
        KEY,
        new MetricReads.Context(
            () -> so, ScaleTargetClient.resolve(new ScaleTarget().name("web"), NS), null, clock));
    CachedMetricsSource adapter = new CachedMetricsSource(cache, READ_TIMEOUT);
    String metric = "s0-redis-" + list;
    assertThat(value(adapter, metric)).isEqualTo("3");
    assertThat(builds.get()).isEqualTo(1);

    // the connection goes silent, and so does every new one: reads time out, and are errors
    proxy.breakAll();
    assertFails(adapter, metric);
    assertThat(reads.rebuilds(KEY)).isEqualTo(1);
    assertThat(builds.get()).isEqualTo(2);
    // the HPA keeps asking within the same pollingInterval (30 s): no second rebuild, and every
    // read leaves one more silent request on the scaler's client until its pool (4) is used up
    for (int i = 0; i < 6; i++) {
      clock.advance(Duration.ofSeconds(4));
      assertFails(adapter, metric);
    }
    assertThat(builds.get()).isEqualTo(2);

    // the network recovers, the client's silent connections do not: its reads still fail...
    proxy.recover();
    REDIS.call("RPUSH", list, "d", "e");
    clock.advance(Duration.ofSeconds(4));
    assertFails(adapter, metric);
    assertThat(builds.get()).isEqualTo(2);
    // ...until pollingInterval after the last rebuild a failed read rebuilds it: served again
    clock.advance(Duration.ofSeconds(2));
    assertThat(value(adapter, metric)).isEqualTo("5");
    assertThat(reads.rebuilds(KEY)).isEqualTo(2);
    assertThat(builds.get()).isEqualTo(3);
    assertThat(value(adapter, metric)).isEqualTo("5");
    assertThat(builds.get()).isEqualTo(3);
  }

  private static void assertFails(CachedMetricsSource adapter, String metric) {
    assertThat(adapter.read(NS, NAME, metric).toCompletableFuture())
        .failsWithin(Duration.ofSeconds(10))
        .withThrowableThat()
        .withMessageContaining("error when getting metric values metric:" + metric);
  }

  private static String value(CachedMetricsSource adapter, String metric) throws Exception {
    List<MetricValue> v =
        adapter.read(NS, NAME, metric).toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertThat(v).hasSize(1);
    return v.get(0).value().toString();
  }

  private ScaledObject so(String list) {
    return new ScaledObject()
        .metadata(new V1ObjectMeta().namespace(NS).name(NAME))
        .spec(
            new ScaledObjectSpec()
                .scaleTargetRef(new ScaleTarget().name("web"))
                .pollingInterval(30)
                .triggers(
                    List.of(
                        new ScaleTriggers()
                            .type("redis")
                            .metadata(
                                Map.of(
                                    "address",
                                    "127.0.0.1:" + proxy.port(),
                                    "listName",
                                    list,
                                    "listLength",
                                    "5")))));
  }

  /**
   * Forwards to a server; {@link #breakAll} makes every connection, open or new, silently drop what
   * it carries (sockets stay open); {@link #recover} forwards new connections again.
   */
  static final class BlackholeProxy implements AutoCloseable {
    private final String host;
    private final int targetPort;
    private final ServerSocket server;
    private final List<Link> links = new CopyOnWriteArrayList<>();
    private volatile boolean healthy = true;

    private static final class Link {
      final Socket client;
      final Socket upstream;
      volatile boolean silent;

      Link(Socket client, Socket upstream, boolean silent) {
        this.client = client;
        this.upstream = upstream;
        this.silent = silent;
      }
    }

    BlackholeProxy(String host, int targetPort) throws IOException {
      this.host = host;
      this.targetPort = targetPort;
      this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      daemon(this::accept);
    }

    int port() {
      return server.getLocalPort();
    }

    void breakAll() {
      healthy = false;
      links.forEach(l -> l.silent = true);
    }

    void recover() {
      healthy = true;
    }

    private void accept() {
      while (!server.isClosed()) {
        try {
          Socket c = server.accept();
          boolean silent = !healthy;
          Socket u = silent ? null : new Socket(host, targetPort);
          Link l = new Link(c, u, silent);
          links.add(l);
          daemon(() -> pump(l, c, u));
          if (u != null) {
            daemon(() -> pump(l, u, c));
          }
        } catch (IOException e) {
          return;
        }
      }
    }

    private static void pump(Link l, Socket from, Socket to) {
      byte[] buf = new byte[8192];
      try (InputStream in = from.getInputStream()) {
        OutputStream out = to == null ? null : to.getOutputStream();
        int n;
        while ((n = in.read(buf)) >= 0) {
          if (!l.silent && out != null) {
            out.write(buf, 0, n);
            out.flush();
          }
        }
      } catch (IOException e) {
        // closed
      }
    }

    private static void daemon(Runnable r) {
      Thread t = new Thread(r, "blackhole-proxy");
      t.setDaemon(true);
      t.start();
    }

    @Override
    public void close() throws IOException {
      server.close();
      for (Link l : links) {
        l.client.close();
        if (l.upstream != null) {
          l.upstream.close();
        }
      }
    }
  }
}
