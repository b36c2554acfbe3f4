package dev.keda4j.controller.scaledobject;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keda4j.api.v1alpha1.Fallback;
import dev.keda4j.api.v1alpha1.ScaleTarget;
import dev.keda4j.api.v1alpha1.ScaleTriggers;
import dev.keda4j.api.v1alpha1.ScaledObject;
import dev.keda4j.api.v1alpha1.ScaledObjectSpec;
import dev.keda4j.controller.metrics.RecordingKedaMetrics;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link MetricReads} and {@link CachedMetricsSource} over a counting scaler: single-flight,
 * useCachedMetrics freshness, fallback after the threshold, and the metrics recorded.
 */
class MetricReadsTest {
  private static final String NS = "ns";
  private static final String NAME = "so";
  private static final String KEY = "ScaledObject ns/so";
  private static final String METRIC = "s0-counting";

  /** Answers each poll with the value of {@link #value}, after {@link #gate} completes. */
  final class CountingScaler implements Scaler {
    @Override
    public List<MetricSpec> metricSpecs() {
      return List.of(MetricSpec.external(METRIC, MetricTargetType.AVERAGE_VALUE, 5));
    }

    @Override
    public CompletionStage<ScalerResult> poll(String metricName) {
      polls.incrementAndGet();
      return gate.get()
          .thenCompose(
              v ->
                  failing
                      ? CompletableFuture.failedFuture(new IllegalStateException("source down"))
                      : CompletableFuture.completedFuture(
                          ScalerResult.of(MetricValue.ofCount(metricName, value.get()), true)));
    }

    @Override
    public void close() {}
  }

  final AtomicInteger polls = new AtomicInteger();
  final AtomicInteger value = new AtomicInteger(7);
  final AtomicReference<CompletableFuture<Void>> gate =
      new AtomicReference<>(CompletableFuture.completedFuture(null));
  volatile boolean failing;
  final RecordingKedaMetrics recorded = new RecordingKedaMetrics();
  final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  final ScalerCache cache = new ScalerCache(ctx -> new CountingScaler(), recorded);

  @AfterEach
  void close() {
    cache.close();
  }

  @Test
  void hundredConcurrentReadsOfOneStaleCachedMetricCostOnePoll() throws Exception {
    ScaledObject so = so(true, null);
    setUp(so);
    CompletableFuture<Void> held = new CompletableFuture<>();
    gate.set(held);
    CachedMetricsSource adapter = new CachedMetricsSource(cache, Duration.ofSeconds(5));
    List<CompletableFuture<List<MetricValue>>> reads = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      reads.add(adapter.read(NS, NAME, METRIC).toCompletableFuture());
    }
    held.complete(null);
    for (CompletableFuture<List<MetricValue>> r : reads) {
      assertThat(r.get(5, TimeUnit.SECONDS))
          .extracting(v -> v.value().toString())
          .containsExactly("7");
    }
    assertThat(polls.get()).isEqualTo(1);
    // fresh record: served without polling; once older than pollingInterval (10 s), polled again
    value.set(9);
    assertThat(values(adapter)).containsExactly("7");
    assertThat(polls.get()).isEqualTo(1);
    clock.advance(Duration.ofSeconds(11));
    assertThat(values(adapter)).containsExactly("9");
    assertThat(polls.get()).isEqualTo(2);
  }

  @Test
  void concurrentIdenticalNonCachedReadsCoalesceAndLaterReadsPollAgain() throws Exception {
    setUp(so(false, null));
    CompletableFuture<Void> held = new CompletableFuture<>();
    gate.set(held);
    CachedMetricsSource adapter = new CachedMetricsSource(cache, Duration.ofSeconds(5));
    List<CompletableFuture<List<MetricValue>>> reads = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      reads.add(
          adapter.read(NS, NAME, METRIC.toUpperCase(java.util.Locale.ROOT)).toCompletableFuture());
    }
    held.complete(null);
    for (CompletableFuture<List<MetricValue>> r : reads) {
      assertThat(r.get(5, TimeUnit.SECONDS)).hasSize(1);
    }
    assertThat(polls.get()).isEqualTo(1);
    values(adapter);
    values(adapter);
    assertThat(polls.get()).isEqualTo(3);
    assertThat(recorded.reads()).hasSize(3);
    assertThat(recorded.reads().peek())
        .isEqualTo("ns/so trigger 0 counting " + METRIC + " value=7.0 active=true");
  }

  @Test
  void failuresAboveTheThresholdServeFallbackReplicasTimesTarget() throws Exception {
    setUp(so(false, new Fallback().failureThreshold(2).replicas(3)));
    failing = true;
    CachedMetricsSource adapter = new CachedMetricsSource(cache, Duration.ofSeconds(5));
    MetricReads reads = MetricReads.of(cache);
    for (int failure = 1; failure <= 2; failure++) {
      assertThat(adapter.read(NS, NAME, METRIC).toCompletableFuture())
          .failsWithin(Duration.ofSeconds(5));
      assertThat(reads.health(KEY).get(METRIC).getNumberOfFailures()).isEqualTo(failure);
      assertThat(reads.health(KEY).get(METRIC).getStatus()).isEqualTo("Failing");
    }
    // third failure > threshold 2: 3 replicas × AverageValue target 5
    assertThat(values(adapter)).containsExactly("15");
    assertThat(reads.health(KEY).get(METRIC).getNumberOfFailures()).isEqualTo(3);
    assertThat(recorded.scalerErrors()).isEqualTo(3);
    failing = false;
    assertThat(values(adapter)).containsExactly("7");
    assertThat(reads.health(KEY).get(METRIC).getStatus()).isEqualTo("Happy");
    assertThat(reads.health(KEY).get(METRIC).getNumberOfFailures()).isZero();
  }

  @Test
  void withoutFallbackAFailedReadIsAnErrorNeverAZero() {
    setUp(so(false, null));
    failing = true;
    CachedMetricsSource adapter = new CachedMetricsSource(cache, Duration.ofSeconds(5));
    for (int i = 0; i < 5; i++) {
      assertThat(adapter.read(NS, NAME, METRIC).toCompletableFuture())
          .failsWithin(Duration.ofSeconds(5))
          .withThrowableThat()
          .withMessageContaining("error when getting metric values metric:" + METRIC);
    }
    assertThat(MetricReads.of(cache).health(KEY)).isEmpty();
  }

  @Test
  void withScalingModifiersTheAdapterServesTheCompositeOfEveryTrigger() throws Exception {
    ScaledObject so = so(false, null);
    so.getSpec()
        .triggers(
            List.of(
                new ScaleTriggers().type("counting").name("a").metadata(Map.of()),
                new ScaleTriggers().type("counting").name("b").metadata(Map.of())))
        .advanced(
            new dev.keda4j.api.v1alpha1.AdvancedConfig()
                .scalingModifiers(
                    new dev.keda4j.api.v1alpha1.ScalingModifiers()
                        .formula("a > 5 ? a + b : 0")
                        .target("10")));
    List<TriggerScaler> built =
        cache.scalers(
            KEY,
            TriggerResolver.of(new InMemoryObjectLookup(), "keda")
                .resolve(
                    so,
                    TriggerResolver.of(new InMemoryObjectLookup(), "keda").envSource(so, null)));
    assertThat(built).hasSize(2);
    MetricReads.of(cache)
        .attach(
            KEY,
            new MetricReads.Context(
                () -> so,
                ScaleTargetClient.resolve(new ScaleTarget().name("web"), NS),
                null,
                clock));
    CachedMetricsSource adapter = new CachedMetricsSource(cache, Duration.ofSeconds(5));
    List<MetricValue> v =
        adapter.read(NS, NAME, "composite-metric").toCompletableFuture().get(5, TimeUnit.SECONDS);
    assertThat(v)
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.metricName()).isEqualTo("composite-metric");
              assertThat(m.value().toString()).isEqualTo("14");
            });
  }

  @Test
  void readsAndAttachAfterForgetCreateNoStateAndPollNothing() throws Exception {
    ScaledObject so = so(false, null);
    setUp(so);
    MetricReads reads = MetricReads.of(cache);
    TriggerScaler ts = cache.current(KEY).get(0);
    MetricSpec spec = ts.scaler().orElseThrow().metricSpecs().get(0);
    assertThat(reads.read(KEY, ts, spec, Duration.ofSeconds(5), true).get(5, TimeUnit.SECONDS))
        .satisfies(r -> assertThat(r.error()).isNull());
    assertThat(reads.tracks(KEY)).isTrue();
    assertThat(recorded.reads()).hasSize(1);

    cache.remove(KEY); // ScaledObjectReconciler.forget
    assertThat(reads.tracks(KEY)).isFalse();
    int polled = polls.get();

    // a late loop tick, a late API read and a late attach, each holding what it had before forget
    assertThat(reads.read(KEY, ts, spec, Duration.ofSeconds(5), true).get(5, TimeUnit.SECONDS))
        .satisfies(r -> assertThat(r.error()).contains("removed"));
    assertThat(reads.readForApi(KEY, ts, spec, Duration.ofSeconds(5)).get(5, TimeUnit.SECONDS))
        .satisfies(r -> assertThat(r.error()).contains("removed"));
    ScaleTargetClient.Target target = ScaleTargetClient.resolve(new ScaleTarget().name("web"), NS);
    reads.attach(KEY, new MetricReads.Context(() -> so, target, null, clock));

    assertThat(reads.tracks(KEY)).as("state recreated after forget").isFalse();
    assertThat(reads.latest(KEY)).isNull();
    assertThat(polls.get()).isEqualTo(polled);
    assertThat(recorded.reads()).hasSize(1);
    assertThat(recorded.scalerErrors()).isZero();
  }

  @Test
  void aFailedReadEndingAfterForgetKeepsNoHealthAndRecordsNoError() throws Exception {
    setUp(so(false, new Fallback().failureThreshold(0).replicas(3)));
    failing = true;
    CompletableFuture<Void> held = new CompletableFuture<>();
    gate.set(held);
    CompletableFuture<List<MetricValue>> read =
        new CachedMetricsSource(cache, Duration.ofSeconds(5))
            .read(NS, NAME, METRIC)
            .toCompletableFuture();
    assertThat(polls.get()).isEqualTo(1);

    cache.remove(KEY);
    // released from another thread, as a scaler's client answers
    Thread release = new Thread(() -> held.complete(null));
    release.start();
    release.join();

    // threshold 0 would serve fallback on the first failure: a forgotten object gets none
    assertThat(read).failsWithin(Duration.ofSeconds(5));
    assertThat(MetricReads.of(cache).tracks(KEY)).isFalse();
    assertThat(MetricReads.of(cache).health(KEY)).isEmpty();
    assertThat(recorded.scalerErrors()).isZero();
    assertThat(recorded.reads()).isEmpty();
  }

  private List<String> values(CachedMetricsSource adapter) throws Exception {
    return adapter.read(NS, NAME, METRIC).toCompletableFuture().get(5, TimeUnit.SECONDS).stream()
        .map(v -> v.value().toString())
        .toList();
  }

  private void setUp(ScaledObject so) {
    List<TriggerScaler> built =
        cache.scalers(
            KEY,
            TriggerResolver.of(new InMemoryObjectLookup(), "keda")
                .resolve(
                    so,
                    TriggerResolver.of(new InMemoryObjectLookup(), "keda").envSource(so, null)));
    assertThat(built).singleElement().satisfies(t -> assertThat(t.scaler()).isPresent());
    ScaleTargetClient.Target target = ScaleTargetClient.resolve(new ScaleTarget().name("web"), NS);
    MetricReads.of(cache).attach(KEY, new MetricReads.Context(() -> so, target, null, clock));
  }

  private static ScaledObject so(boolean cached, Fallback fallback) {
    return new ScaledObject()
        .metadata(new V1ObjectMeta().namespace(NS).name(NAME))
        .spec(
            new ScaledObjectSpec()
                .scaleTargetRef(new ScaleTarget().name("web"))
                .pollingInterval(10)
                .fallback(fallback)
                .triggers(
                    List.of(
                        new ScaleTriggers()
                            .type("counting")
                            .useCachedMetrics(cached)
                            .metadata(Map.of()))));
  }
}
