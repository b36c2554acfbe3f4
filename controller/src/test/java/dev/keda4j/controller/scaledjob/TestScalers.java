package dev.keda4j.controller.scaledjob;

import dev.keda4j.controller.scaling.ScalerCache;
import dev.keda4j.scalers.spi.MetricSpec;
import dev.keda4j.scalers.spi.MetricTargetType;
import dev.keda4j.scalers.spi.MetricValue;
import dev.keda4j.scalers.spi.Scaler;
import dev.keda4j.scalers.spi.ScalerContext;
import dev.keda4j.scalers.spi.ScalerResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link ScalerCache.Factory} of test scalers for any trigger type: it keeps every scaler it
 * built, so a test counts the ones left open. A scaler answers each of its External metrics with
 * {@link #value}, fails when its build number is in {@link #failingBuilds} (or once closed, like a
 * scaler whose client is gone), and {@link #holdNextPoll} holds one poll until released.
 */
final class TestScalers implements ScalerCache.Factory {
  /** Latches of one held poll. */
  static final class Hold {
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
  }

  final List<TestScaler> built = new CopyOnWriteArrayList<>();
  final Set<Integer> failingBuilds = ConcurrentHashMap.newKeySet();
  volatile long value = 3;
  volatile int metricsPerScaler = 1;

  /** A closed scaler still answers (a read whose answer was on its way when it was closed). */
  volatile boolean answerWhenClosed;

  private volatile Hold hold;

  /** The next poll (of any scaler) waits for {@code release} before it answers. */
  Hold holdNextPoll() {
    Hold h = new Hold();
    hold = h;
    return h;
  }

  /** Scalers built and not closed. */
  long open() {
    return built.stream().filter(s -> s.closes.get() == 0).count();
  }

  /** Scalers closed more than once (must stay 0). */
  long closedTwice() {
    return built.stream().filter(s -> s.closes.get() > 1).count();
  }

  @Override
  public Scaler build(ScalerContext ctx) {
    TestScaler s = new TestScaler(built.size(), ctx, metricsPerScaler);
    built.add(s);
    return s;
  }

  final class TestScaler implements Scaler {
    final int number;
    final ScalerContext ctx;
    final AtomicInteger polls = new AtomicInteger();
    final AtomicInteger closes = new AtomicInteger();
    private final List<MetricSpec> specs = new ArrayList<>();

    TestScaler(int number, ScalerContext ctx, int metrics) {
      this.number = number;
      this.ctx = ctx;
      for (int i = 0; i < metrics; i++) {
        specs.add(
            MetricSpec.external(
                "s" + ctx.triggerIndex() + "-test-" + i, MetricTargetType.AVERAGE_VALUE, 1));
      }
    }

    @Override
    public List<MetricSpec> metricSpecs() {
      return List.copyOf(specs);
    }

    @Override
    public CompletionStage<ScalerResult> poll(String metricName) {
      polls.incrementAndGet();
      Hold h = hold;
      if (h != null) {
        hold = null;
      }
      return CompletableFuture.supplyAsync(
          () -> {
            if (h != null) {
              h.entered.countDown();
              try {
                if (!h.release.await(30, TimeUnit.SECONDS)) {
                  throw new IllegalStateException("poll never released");
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted");
              }
            }
            if (closes.get() > 0 && !answerWhenClosed) {
              throw new IllegalStateException("scaler " + number + " is closed");
            }
            if (failingBuilds.contains(number)) {
              throw new IllegalStateException("scaler " + number + " failed");
            }
            return ScalerResult.of(MetricValue.ofCount(metricName, value), value > 0);
          },
          r -> new Thread(r, "test-scaler-poll").start());
    }

    @Override
    public void close() {
      closes.incrementAndGet();
    }
  }
}
