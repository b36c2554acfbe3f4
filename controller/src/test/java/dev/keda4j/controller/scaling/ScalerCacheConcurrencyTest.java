package dev.keda4j.controller.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.keda4j.controller.metrics.KedaMetrics;
import dev.keda4j.controller.scaling.resolve.AuthResolution;
import dev.keda4j.controller.scaling.resolve.EnvResolution;
import dev.keda4j.controller.scaling.resolve.ResolvedTrigger;
import dev.keda4j.scalers.spi.MetricSpec;
import dev.keda4j.scalers.spi.MetricTargetType;
import dev.keda4j.scalers.spi.MetricValue;
import dev.keda4j.scalers.spi.PushScaler;
import dev.keda4j.scalers.spi.ScalerContext;
import dev.keda4j.scalers.spi.ScalerResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link ScalerCache} under real threads: a build blocked on a latch holds up only its own object,
 * and removing or closing while a build runs leaves every built scaler (and its push subscription)
 * closed exactly once.
 */
class ScalerCacheConcurrencyTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  /** A push scaler counting its closes and its subscription's. */
  static final class TestScaler implements PushScaler {
    final ScalerContext ctx;
    final AtomicInteger closes = new AtomicInteger();
    final AtomicInteger subscribes = new AtomicInteger();
    final AtomicInteger subscriptionCloses = new AtomicInteger();

    TestScaler(ScalerContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public List<MetricSpec> metricSpecs() {
      return List.of(MetricSpec.external("s0-t", MetricTargetType.AVERAGE_VALUE, 5));
    }

    @Override
    public CompletionStage<ScalerResult> poll(String metricName) {
      return CompletableFuture.completedFuture(
          ScalerResult.of(MetricValue.ofCount(metricName, 1), true));
    }

    @Override
    public AutoCloseable subscribe(Consumer<Boolean> onActive) {
      subscribes.incrementAndGet();
      return subscriptionCloses::incrementAndGet;
    }

    @Override
    public void close() {
      closes.incrementAndGet();
    }
  }

  /** Holds builds of one object's scalers until released. */
  static final class Gate {
    final String object;
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    Gate(String object) {
      this.object = object;
    }
  }

  private final ConcurrentLinkedQueue<TestScaler> built = new ConcurrentLinkedQueue<>();
  private volatile Gate gate;
  private final ExecutorService pool = Executors.newCachedThreadPool();
  private final ScalerCache cache =
      new ScalerCache(
          ctx -> {
            Gate g = gate;
            if (g != null && g.object.equals(ctx.name())) {
              g.entered.countDown();
              try {
                if (!g.release.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                  throw new IllegalStateException("gate never released");
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
              }
            }
            TestScaler s = new TestScaler(ctx);
            built.add(s);
            return s;
          },
          KedaMetrics.NOOP);

  @AfterEach
  void stop() {
    Gate g = gate;
    if (g != null) {
      g.release.countDown();
    }
    cache.close();
    pool.shutdownNow();
  }

  @Test
  void aBuildBlockedForOneObjectDoesNotHoldUpAnother() throws Exception {
    gate = new Gate("a");
    Future<List<TriggerScaler>> a = pool.submit(() -> cache.scalers(key("a"), triggers("a", "1")));
    assertThat(gate.entered.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

    List<TriggerScaler> b =
        assertTimeoutPreemptively(WAIT, () -> cache.scalers(key("b"), triggers("b", "1")));
    assertThat(b).singleElement().satisfies(t -> assertThat(t.scaler()).isPresent());
    assertTimeoutPreemptively(
        WAIT,
        () -> {
          assertThat(cache.current(key("b"))).isEqualTo(b);
          assertThat(cache.current(key("a"))).isEmpty();
          assertThat(cache.pushSubscriptions()).isEqualTo(1);
          assertThat(cache.rebuild(key("b"), 0).scaler()).isPresent();
          cache.remove(key("c"));
        });
    assertThat(a.isDone()).isFalse();

    gate.release.countDown();
    assertThat(a.get(WAIT.toSeconds(), TimeUnit.SECONDS))
        .singleElement()
        .satisfies(t -> assertThat(t.scaler()).isPresent());
    assertThat(cache.current(key("a"))).hasSize(1);
    // b's first scaler was rebuilt: closed with its subscription; a's and b's new one are open
    assertThat(cache.pushSubscriptions()).isEqualTo(2);
    assertThat(built).hasSize(3).allSatisfy(s -> assertThat(s.subscribes.get()).isEqualTo(1));
    assertThat(built.stream().mapToInt(s -> s.closes.get()).sum()).isEqualTo(1);
  }

  @Test
  void aBuildFinishingAfterRemoveClosesWhatItBuilt() throws Exception {
    gate = new Gate("a");
    Future<List<TriggerScaler>> a = pool.submit(() -> cache.scalers(key("a"), triggers("a", "1")));
    assertThat(gate.entered.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    assertTimeoutPreemptively(WAIT, () -> cache.remove(key("a")));
    gate.release.countDown();

    assertThat(a.get(WAIT.toSeconds(), TimeUnit.SECONDS))
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.scaler()).isEmpty();
              assertThat(t.error()).hasValueSatisfying(e -> assertThat(e).contains("removed"));
            });
    assertThat(built).singleElement().satisfies(ScalerCacheConcurrencyTest::closedOnce);
    assertThat(cache.current(key("a"))).isEmpty();
    assertThat(cache.pushSubscriptions()).isZero();
    // the object comes back afresh
    assertThat(cache.scalers(key("a"), triggers("a", "1")).get(0).scaler()).isPresent();
  }

  @Test
  void aRebuildRacingARemoveClosesTheOldAndTheNewScalerExactlyOnce() throws Exception {
    TriggerScaler first = cache.scalers(key("a"), triggers("a", "1")).get(0);
    gate = new Gate("a");
    Future<TriggerScaler> rebuilt = pool.submit(() -> cache.rebuildIfCurrent(key("a"), first));
    assertThat(gate.entered.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    assertTimeoutPreemptively(WAIT, () -> cache.remove(key("a")));
    gate.release.countDown();

    assertThat(rebuilt.get(WAIT.toSeconds(), TimeUnit.SECONDS).scaler()).isEmpty();
    assertThat(built).hasSize(2).allSatisfy(ScalerCacheConcurrencyTest::closedOnce);
    assertThat(cache.pushSubscriptions()).isZero();
  }

  @Test
  void aSpecChangeRacingCloseClosesEverythingAndNothingIsBuiltAfterClose() throws Exception {
    cache.scalers(key("a"), triggers("a", "1"));
    gate = new Gate("a");
    Future<List<TriggerScaler>> changed =
        pool.submit(() -> cache.scalers(key("a"), triggers("a", "2")));
    assertThat(gate.entered.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    assertTimeoutPreemptively(WAIT, cache::close);
    gate.release.countDown();

    assertThat(changed.get(WAIT.toSeconds(), TimeUnit.SECONDS))
        .singleElement()
        .satisfies(t -> assertThat(t.scaler()).isEmpty());
    assertThat(built).hasSize(2).allSatisfy(ScalerCacheConcurrencyTest::closedOnce);
    assertThat(cache.scalers(key("b"), triggers("b", "1")))
        .singleElement()
        .satisfies(t -> assertThat(t.error()).hasValue("scaler cache closed"));
    assertThat(built).hasSize(2);
    assertThat(cache.pushSubscriptions()).isZero();
  }

  @Test
  void rebuildIfCurrentRebuildsOnlyTheScalerStillHeld() {
    TriggerScaler first = cache.scalers(key("a"), triggers("a", "1")).get(0);
    TriggerScaler fresh = cache.rebuildIfCurrent(key("a"), first);
    assertThat(fresh.scaler().orElseThrow()).isNotSameAs(first.scaler().orElseThrow());
    assertThat(cache.rebuildIfCurrent(key("a"), first)).isSameAs(fresh);
    assertThat(built).hasSize(2);
    assertThat((TestScaler) first.scaler().orElseThrow())
        .satisfies(ScalerCacheConcurrencyTest::closedOnce);
    assertThat(cache.rebuildIfCurrent(key("gone"), first).error()).isPresent();
    assertThatThrownBy(() -> cache.rebuild(key("gone"), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void concurrentBuildsRebuildsAndRemovesCloseEveryScalerExactlyOnce() throws Exception {
    int threads = 8;
    int ops = 400;
    CyclicBarrier start = new CyclicBarrier(threads);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      long seed = t;
      done.add(
          pool.submit(
              () -> {
                Random r = new Random(seed);
                start.await();
                for (int i = 0; i < ops; i++) {
                  String o = "o" + r.nextInt(3);
                  switch (r.nextInt(5)) {
                    case 0, 1 -> cache.scalers(key(o), triggers(o, "" + r.nextInt(2)));
                    case 2 -> {
                      List<TriggerScaler> held = cache.current(key(o));
                      if (!held.isEmpty()) {
                        cache.rebuildIfCurrent(key(o), held.get(0));
                      }
                    }
                    case 3 -> {
                      try {
                        cache.rebuild(key(o), 0);
                      } catch (IllegalArgumentException e) {
                        // not built yet or removed meanwhile
                      }
                    }
                    default -> cache.remove(key(o));
                  }
                }
                return null;
              }));
    }
    for (Future<?> f : done) {
      f.get(60, TimeUnit.SECONDS);
    }
    int open = cache.pushSubscriptions();
    long held =
        List.of("o0", "o1", "o2").stream()
            .mapToLong(
                o -> cache.current(key(o)).stream().filter(s -> s.scaler().isPresent()).count())
            .sum();
    assertThat(open).isEqualTo(held);
    assertThat(built.stream().filter(s -> s.closes.get() == 0).count()).isEqualTo(held);
    cache.close();
    assertThat(built.size()).isGreaterThan(threads);
    assertThat(built).allSatisfy(ScalerCacheConcurrencyTest::closedOnce);
    assertThat(cache.pushSubscriptions()).isZero();
  }

  private static void closedOnce(TestScaler s) {
    assertThat(s.closes.get()).as("closes of %s", s.ctx.name()).isEqualTo(1);
    assertThat(s.subscribes.get()).isEqualTo(1);
    assertThat(s.subscriptionCloses.get()).isEqualTo(1);
  }

  private static String key(String name) {
    return "ScaledJob ns/" + name;
  }

  private static List<ResolvedTrigger> triggers(String name, String value) {
    ScalerContext ctx =
        ScalerContext.builder("t")
            .scalableObject("ScaledJob", "ns", name)
            .triggerIndex(0)
            .metadata(Map.of("value", value))
            .build();
    return List.of(new ResolvedTrigger(0, ctx, EnvResolution.empty(), AuthResolution.none()));
  }
}
