package dev.keda4j.controller.scaledobject;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keda4j.api.manifest.Manifests;
import dev.keda4j.api.v1alpha1.ScaledObject;
import dev.keda4j.controller.metrics.KedaMetrics;
import dev.keda4j.controller.scaling.ScalerCache;
import dev.keda4j.controller.scaling.resolve.InMemoryObjectLookup;
import dev.keda4j.controller.scaling.resolve.TriggerResolver;
import dev.keda4j.scalers.spi.MetricValue;
import dev.keda4j.scalers.spi.ScalerRegistry;
import dev.keda4j.scalers.spi.ScalerRuntime;
import dev.keda4j.testkit.sources.RedisFixture;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Benchmark, run on demand (not an *IT, so {@code verify} leaves it out):
 *
 * <pre>
 * mvn -B -q -pl controller verify -Dkeda4j.buildDirectory=/tmp/k4j-mr-target -Dtest=NONE \
 *   -Dit.test=MetricReadsBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * Bursts of 1,000 concurrent metrics-API reads of one redis metric (real Redis, real scaler):
 * scaler polls per burst and burst latency, without and with {@code useCachedMetrics}.
 */
class MetricReadsBenchmark {
  private static final Logger LOG = LoggerFactory.getLogger(MetricReadsBenchmark.class);
  @RegisterExtension static final RedisFixture REDIS = new RedisFixture();
  private static final int BURST = 1000;
  private static final int ROUNDS = 20;

  @Test
  void burstsOfConcurrentReads() throws Exception {
    Vertx vertx = Vertx.vertx();
    ExecutorService blocking = Executors.newFixedThreadPool(2);
    ScalerRuntime runtime = new ScalerRuntime(vertx, blocking);
    try (ScalerCache cache = new ScalerCache(ScalerRegistry.load(), runtime, KedaMetrics.NOOP)) {
      String list = REDIS.key();
      REDIS.call("RPUSH", list, "a", "b", "c");
      for (boolean cached : List.of(false, true)) {
        String name = cached ? "cached" : "live";
        ScaledObject so =
            Manifests.toModel(
                Manifests.parse(
                        """
                        apiVersion: keda.sh/v1alpha1
                        kind: ScaledObject
                        metadata: {name: %s, namespace: bench}
                        spec:
                          scaleTargetRef: {name: web}
                          pollingInterval: 30
                          triggers:
                            - type: redis
                              useCachedMetrics: %s
                              metadata: {address: "%s", listName: %s, listLength: "1"}
                        """
                            .formatted(name, cached, REDIS.address(), list))
                    .get(0),
                ScaledObject.class);
        String key = "ScaledObject bench/" + name;
        TriggerResolver resolver = TriggerResolver.of(new InMemoryObjectLookup(), "keda");
        cache.scalers(key, resolver.resolve(so, resolver.envSource(so, null)));
        MetricReads.of(cache)
            .attach(
                key,
                new MetricReads.Context(
                    () -> so,
                    ScaleTargetClient.resolve(so.getSpec().getScaleTargetRef(), "bench"),
                    null,
                    Clock.systemUTC()));
        CachedMetricsSource adapter = new CachedMetricsSource(cache, Duration.ofSeconds(5));
        String metric = "s0-redis-" + list;
        long[] micros = new long[ROUNDS];
        int pollsBefore = MetricReads.of(cache).polls(key);
        for (int round = 0; round < ROUNDS; round++) {
          long t0 = System.nanoTime();
          List<CompletableFuture<List<MetricValue>>> reads = new ArrayList<>(BURST);
          for (int i = 0; i < BURST; i++) {
            reads.add(adapter.read("bench", name, metric).toCompletableFuture());
          }
          for (CompletableFuture<List<MetricValue>> r : reads) {
            assertThat(r.get(10, TimeUnit.SECONDS)).hasSize(1);
          }
          micros[round] = (System.nanoTime() - t0) / 1000;
        }
        int polls = MetricReads.of(cache).polls(key) - pollsBefore;
        Arrays.sort(micros);
        LOG.info(
            "metric-reads benchmark: useCachedMetrics={} bursts={} x {} reads: {} scaler polls"
                + " ({} reads/poll), burst p50 {} ms, max {} ms",
            cached,
            ROUNDS,
            BURST,
            polls,
            polls == 0 ? "-" : String.valueOf(ROUNDS * BURST / polls),
            micros[ROUNDS / 2] / 1000.0,
            micros[ROUNDS - 1] / 1000.0);
        // cached: one poll fills the record for the whole run; live: only concurrent reads share
        assertThat(polls).isLessThanOrEqualTo(cached ? 1 : ROUNDS * BURST / 10);
      }
      REDIS.call("DEL", list);
    } finally {
      runtime.close();
      blocking.shutdownNow();
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }
}
