package dev.keda4j.controller.scaledobject;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keda4j.api.v1alpha1.ScaleTarget;
import dev.keda4j.api.v1alpha1.ScaleTriggers;
import dev.keda4j.api.v1alpha1.ScaledObject;
import dev.keda4j.api.v1alpha1.ScaledObjectSpec;
import dev.keda4j.controller.metrics.KedaMetrics;
import dev.keda4j.controller.scaling.ScalerCache;
import dev.keda4j.controller.scaling.TriggerScaler;
import dev.keda4j.controller.scaling.resolve.InMemoryObjectLookup;
import dev.keda4j.controller.scaling.resolve.TriggerResolver;
import dev.keda4j.scalers.spi.MetricSpec;
import dev.keda4j.scalers.spi.MetricTargetType;
import dev.keda4j.scalers.spi.MetricValue;
import dev.keda4j.scalers.spi.Scaler;
import dev.keda4j.scalers.spi.ScalerResult;
import dev.keda4j.testkit.time.MutableClock;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The metrics API path rebuilds a trigger whose read failed, through the same code as the scale
 * loop: one rebuild at a time per trigger, at most one per {@code pollingInterval}, and an error is
 * still an error.
 */
class CachedMetricsSourceRebuildTest {
  private static final String NS = "ns";
  private static final String NAME = "so";
  private static final String KEY = "ScaledObject ns/so";
  private static final String A = "s0-a";
  private static final String B = "s0-b";

  /** Serves 7 for both metrics unless broken (its own connection) or the source is down. */
  final class Flaky implements Scaler {
    volatile boolean broken;
    volatile boolean closed;

    @Override
    public List<MetricSpec> metricSpecs() {
      return List.of(
          MetricSpec.external(A, MetricTargetType.AVERAGE_VALUE, 5),
          MetricSpec.external(B, MetricTargetType.AVERAGE_VALUE, 5));
    }

    @Override
    public CompletionStage<ScalerResult> poll(String metricName) {
      return pollGate
          .get()
          .thenCompose(
              v ->
                  broken || closed || sourceDown
                      ? CompletableFuture.failedFuture(new IllegalStateException("source down"))
                      : CompletableFuture.completedFuture(
                          ScalerResult.of(MetricValue.ofCount(metricName, 7), true)));
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  final ConcurrentLinkedQueue<Flaky> built = new ConcurrentLinkedQueue<>();
  final AtomicReference<CompletableFuture<Void>> pollGate =
      new AtomicReference<>(CompletableFuture.completedFuture(null));
  volatile CountDownLatch buildGate;
  volatile boolean sourceDown;
  final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  final ScalerCache cache =
      new ScalerCache(
          ctx -> {
            CountDownLatch g = buildGate;
            if (g != null && !built.isEmpty()) {
              try {
                g.await(10, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }
            Flaky f = new Flaky();
            built.add(f);
            return f;
          },
          KedaMetrics.NOOP);
  final CachedMetricsSource adapter = new CachedMetricsSource(cache, Duration.ofSeconds(5));
  final MetricReads reads = MetricReads.of(cache);

  @AfterEach
  void close() {
    cache.close();
  }

  @Test
  void aReadFailingOnABrokenScalerRebuildsItAndServesFromTheNewOne() throws Exception {
    setUp();
    Flaky first = built.peek();
    first.broken = true;
    assertThat(value(A)).isEqualTo("7");
    assertThat(built).hasSize(2);
    assertThat(first.closed).isTrue();
    assertThat(reads.rebuilds(KEY)).isEqualTo(1);
    assertThat(cache.current(KEY).get(0).scaler()).containsSame((Scaler) built.toArray()[1]);
  }

  @Test
  void whileTheSourceIsDownAnHpaAskingEvery15sRebuildsOncePerPollingInterval() throws Exception {
    setUp();
    sourceDown = true;
    for (int i = 0; i < 5; i++) {
      // t = 0, 15, 30, 45, 60 s with pollingInterval 30 s: rebuilds at 0, 30 and 60
      assertThat(adapter.read(NS, NAME, A).toCompletableFuture())
          .failsWithin(Duration.ofSeconds(5))
          .withThrowableThat()
          .withMessageContaining("error when getting metric values metric:" + A);
      clock.advance(Duration.ofSeconds(15));
    }
    assertThat(reads.rebuilds(KEY)).isEqualTo(3);
    assertThat(built).hasSize(4);
    assertThat(built.stream().filter(f -> !f.closed)).hasSize(1);
    sourceDown = false;
    assertThat(value(A)).isEqualTo("7");
    assertThat(reads.rebuilds(KEY)).isEqualTo(3);
  }

  @Test
  void failuresOfTheLoopAndTheApiAtOnceCostOneRebuild() throws Exception {
    setUp();
    Flaky first = built.peek();
    first.broken = true;
    CompletableFuture<Void> held = new CompletableFuture<>();
    pollGate.set(held);
    buildGate = new CountDownLatch(1);
    TriggerScaler ts = cache.current(KEY).get(0);
    MetricSpec specB = ts.scaler().orElseThrow().metricSpecs().get(1);
    // the HPA reads metric a, the scale loop metric b, of the same broken scaler
    CompletableFuture<List<MetricValue>> api = adapter.read(NS, NAME, A).toCompletableFuture();
    CompletableFuture<MetricReads.Reading> loop =
        reads.read(KEY, ts, specB, Duration.ofSeconds(5), true);
    pollGate.set(CompletableFuture.completedFuture(null));
    held.complete(null);
    // both failed; the rebuild they share is held in the factory until released
    buildGate.countDown();
    assertThat(api.get(5, TimeUnit.SECONDS))
        .singleElement()
        .satisfies(v -> assertThat(v.value().toString()).isEqualTo("7"));
    MetricReads.Reading r = loop.get(5, TimeUnit.SECONDS);
    assertThat(r.error()).isNull();
    assertThat(r.values()).singleElement().satisfies(v -> assertThat(v.metricName()).isEqualTo(B));
    assertThat(built).hasSize(2);
    assertThat(reads.rebuilds(KEY)).isEqualTo(1);
  }

  @Test
  void aReadOfAScalerSomeoneElseRebuiltPollsTheNewOneWithoutRebuilding() throws Exception {
    setUp();
    TriggerScaler stale = cache.current(KEY).get(0);
    ((Flaky) stale.scaler().orElseThrow()).broken = true;
    cache.rebuild(KEY, 0);
    MetricSpec spec = stale.scaler().orElseThrow().metricSpecs().get(0);
    MetricReads.Reading r =
        reads.read(KEY, stale, spec, Duration.ofSeconds(5), true).get(5, TimeUnit.SECONDS);
    assertThat(r.error()).isNull();
    assertThat(built).hasSize(2);
    assertThat(reads.rebuilds(KEY)).isZero();
  }

  private String value(String metric) throws Exception {
    return adapter
        .read(NS, NAME, metric)
        .toCompletableFuture()
        .get(5, TimeUnit.SECONDS)
        .get(0)
        .value()
        .toString();
  }

  private void setUp() {
    ScaledObject so =
        new ScaledObject()
            .metadata(new V1ObjectMeta().namespace(NS).name(NAME))
            .spec(
                new ScaledObjectSpec()
                    .scaleTargetRef(new ScaleTarget().name("web"))
                    .pollingInterval(30)
                    .triggers(List.of(new ScaleTriggers().type("flaky").metadata(Map.of()))));
    TriggerResolver resolver = TriggerResolver.of(new InMemoryObjectLookup(), "keda");
    assertThat(cache.scalers(KEY, resolver.resolve(so, resolver.envSource(so, null))))
        .singleElement()
        .satisfies(t -> assertThat(t.scaler()).isPresent());
    MetricReads.of(cache)
        .attach(
            KEY,
            new MetricReads.Context(
                () -> so,
                ScaleTargetClient.resolve(new ScaleTarget().name("web"), NS),
                null,
                clock));
  }
}
