package dev.keda4j.controller.scaledjob;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keda4j.controller.metrics.KedaMetrics;
import dev.keda4j.controller.scaling.ScalerCache;
import dev.keda4j.controller.scaling.TriggerScaler;
import dev.keda4j.controller.scaling.resolve.AuthResolution;
import dev.keda4j.controller.scaling.resolve.EnvResolution;
import dev.keda4j.controller.scaling.resolve.ResolvedTrigger;
import dev.keda4j.scalers.spi.ScalerContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link TriggerPoller} with real threads against a real {@link ScalerCache}: a failed read is
 * retried once on the trigger's current scaler, and a ScaledJob removed while its poll runs gives a
 * failed read, no exception and no scaler left open.
 */
class TriggerPollerTest {
  private static final String KEY = "ScaledJob ns/sj";
  private static final long WAIT_S = 10;

  private final TestScalers factory = new TestScalers();
  private final ScalerCache cache = new ScalerCache(factory, KedaMetrics.NOOP);
  private final TriggerPoller poller = new TriggerPoller(cache, Duration.ofSeconds(WAIT_S));
  private final RecordingMetrics metrics = new RecordingMetrics();
  private final ExecutorService pool = Executors.newCachedThreadPool();

  @AfterEach
  void stop() {
    cache.close();
    pool.shutdownNow();
  }

  @Test
  void aScaledJobRemovedWhileItsPollRunsGivesAFailedReadAndLeavesNoScalerOpen() throws Exception {
    factory.metricsPerScaler = 2;
    List<TriggerScaler> scalers = cache.scalers(KEY, triggers("a", "b"));
    TestScalers.Hold hold = factory.holdNextPoll();
    Future<TriggerReadings> poll = pool.submit(() -> poll(scalers));
    assertThat(hold.entered.await(WAIT_S, TimeUnit.SECONDS)).isTrue();

    cache.remove(KEY); // the ScaledJob deleted: its scalers closed while the read runs
    hold.release.countDown();

    TriggerReadings r = poll.get(WAIT_S, TimeUnit.SECONDS); // no exception
    assertThat(r.metrics()).isEmpty();
    assertThat(r.anyError()).isTrue();
    assertThat(r.errors()).singleElement().asString().contains("removed");
    // nothing rebuilt, nothing open, the other trigger not read, no series of the gone object
    assertThat(factory.built).hasSize(2);
    assertThat(factory.open()).isZero();
    assertThat(factory.closedTwice()).isZero();
    assertThat(factory.built.get(1).polls.get()).isZero();
    synchronized (metrics) {
      assertThat(metrics.reads).isEmpty();
      assertThat(metrics.scalerErrors).isEmpty();
      assertThat(metrics.objectErrors).isEmpty();
    }
    assertThat(cache.holds(KEY)).isFalse();
  }

  @Test
  void aReadThatSucceedsAfterTheScaledJobWasRemovedRecordsNoSeriesAndReadsNoFurther()
      throws Exception {
    factory.answerWhenClosed = true; // the held read's answer was on its way: it succeeds
    List<TriggerScaler> scalers = cache.scalers(KEY, triggers("a", "b"));
    TestScalers.Hold hold = factory.holdNextPoll();
    Future<TriggerReadings> poll = pool.submit(() -> poll(scalers));
    assertThat(hold.entered.await(WAIT_S, TimeUnit.SECONDS)).isTrue();

    cache.remove(KEY);
    hold.release.countDown();

    TriggerReadings r = poll.get(WAIT_S, TimeUnit.SECONDS);
    assertThat(r.errors()).singleElement().asString().contains("removed");
    assertThat(factory.built.get(0).polls.get()).isEqualTo(1);
    assertThat(factory.built.get(1).polls.get()).as("trigger b read after removal").isZero();
    synchronized (metrics) {
      assertThat(metrics.reads).as("keda_scaler_* of the removed ScaledJob").isEmpty();
      assertThat(metrics.scalerErrors).isEmpty();
      assertThat(metrics.objectErrors).isEmpty();
    }
  }

  @Test
  void whileHeldEveryReadIsRecorded() {
    factory.answerWhenClosed = true;
    List<TriggerScaler> scalers = cache.scalers(KEY, triggers("a", "b"));

    TriggerReadings r = poll(scalers);

    assertThat(r.errors()).isEmpty();
    assertThat(r.metrics()).hasSize(2);
    synchronized (metrics) {
      assertThat(metrics.reads).hasSize(2);
    }
  }

  @Test
  void aFailedReadRebuildsOnceAndTheTriggersOtherMetricsReadTheRebuiltScaler() throws Exception {
    factory.metricsPerScaler = 2;
    factory.failingBuilds.add(0);
    List<TriggerScaler> scalers = cache.scalers(KEY, triggers("a"));

    TriggerReadings r = poll(scalers);

    assertThat(r.errors()).isEmpty();
    // KEDA counts the values named like the trigger's first spec: the second read adds 0
    assertThat(r.metrics()).extracting(TriggerMetric::queueLength).containsExactly(3.0, 0.0);
    assertThat(r.activity()).containsOnlyKeys("s0-test-0", "s0-test-1").containsValue(true);
    assertThat(factory.built).hasSize(2);
    assertThat(factory.built.get(0).polls.get()).isEqualTo(1);
    assertThat(factory.built.get(1).polls.get()).isEqualTo(2);
    assertThat(factory.built.get(0).closes.get()).isEqualTo(1);
    assertThat(cache.current(KEY)).singleElement().isNotSameAs(scalers.get(0));
    assertThat(factory.open()).isEqualTo(1);
  }

  @Test
  void aReadFailingOnAScalerReplacedMeanwhileReadsTheReplacementWithoutRebuilding()
      throws Exception {
    List<TriggerScaler> scalers = cache.scalers(KEY, triggers("a"));
    TestScalers.Hold hold = factory.holdNextPoll();
    Future<TriggerReadings> poll = pool.submit(() -> poll(scalers));
    assertThat(hold.entered.await(WAIT_S, TimeUnit.SECONDS)).isTrue();

    // the reconciler applies a changed spec while the loop reads: scaler 0 closed, 1 built
    cache.scalers(KEY, triggers("a2"));
    hold.release.countDown();

    TriggerReadings r = poll.get(WAIT_S, TimeUnit.SECONDS);
    assertThat(r.errors()).isEmpty();
    assertThat(r.metrics()).extracting(TriggerMetric::queueLength).containsExactly(3.0);
    assertThat(factory.built).hasSize(2);
    assertThat(factory.built.get(1).polls.get()).isEqualTo(1);
    assertThat(factory.open()).isEqualTo(1);
  }

  @Test
  void aFailingRebuildIsTheReadsErrorAndCountsAsOne() throws Exception {
    factory.failingBuilds.add(0);
    factory.failingBuilds.add(1);
    List<TriggerScaler> scalers = cache.scalers(KEY, triggers("a"));

    TriggerReadings r = poll(scalers);

    assertThat(r.metrics()).isEmpty();
    assertThat(r.errors()).singleElement().asString().contains("scaler 1 failed");
    assertThat(factory.built).hasSize(2);
    synchronized (metrics) {
      assertThat(metrics.scalerErrors).hasSize(1);
      assertThat(metrics.objectErrors).containsExactly("scaledjob ns/sj");
    }
    assertThat(cache.holds(KEY)).isTrue();
  }

  private TriggerReadings poll(List<TriggerScaler> scalers) {
    return poller.poll(KEY, scalers, 100, metrics, "ns", "sj");
  }

  private static List<ResolvedTrigger> triggers(String... values) {
    List<ResolvedTrigger> out = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      ScalerContext ctx =
          ScalerContext.builder("test")
              .scalableObject("ScaledJob", "ns", "sj")
              .triggerIndex(i)
              .metadata(Map.of("value", values[i]))
              .build();
      out.add(new ResolvedTrigger(i, ctx, EnvResolution.empty(), AuthResolution.none()));
    }
    return out;
  }
}
