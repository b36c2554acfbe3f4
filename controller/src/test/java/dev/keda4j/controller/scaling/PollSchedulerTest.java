package dev.keda4j.controller.scaling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PollSchedulerTest {

  @Test
  void ticksOfOneKeyNeverOverlapEvenWhenTheLoopIsReplaced() throws Exception {
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger maxInside = new AtomicInteger();
    AtomicInteger ticks = new AtomicInteger();
    Runnable slow =
        () -> {
          maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
          ticks.incrementAndGet();
          sleep(30);
          inside.decrementAndGet();
        };
    try (PollScheduler s = new PollScheduler(4, "test")) {
      for (int i = 0; i < 10; i++) {
        s.schedule("ScaledJob ns/a", Duration.ofMillis(1), slow);
        sleep(10);
      }
      sleep(100);
    }
    assertThat(ticks.get()).isGreaterThan(3);
    assertThat(maxInside.get()).isEqualTo(1);
  }

  @Test
  void differentKeysRunInParallelAndAFailingTickKeepsItsLoopAlive() throws Exception {
    CountDownLatch bothInside = new CountDownLatch(2);
    AtomicInteger failing = new AtomicInteger();
    try (PollScheduler s = new PollScheduler(3, "test")) {
      Runnable meet =
          () -> {
            bothInside.countDown();
            await(bothInside);
          };
      s.schedule("a", Duration.ofSeconds(60), meet);
      s.schedule("b", Duration.ofSeconds(60), meet);
      s.schedule(
          "c",
          Duration.ofMillis(5),
          () -> {
            failing.incrementAndGet();
            throw new IllegalStateException("boom");
          });
      assertThat(bothInside.await(5, TimeUnit.SECONDS)).isTrue();
      sleep(100);
      assertThat(failing.get()).isGreaterThan(2);
      s.cancel("c");
      assertThat(s.isScheduled("c")).isFalse();
      int after = failing.get();
      sleep(50);
      assertThat(failing.get()).isLessThanOrEqualTo(after + 1);
    }
  }

  @Test
  void tickNowRunsOneExtraTickThatNeverOverlapsTheLoopAndNothingOnceCancelled() throws Exception {
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger maxInside = new AtomicInteger();
    AtomicInteger ticks = new AtomicInteger();
    CountDownLatch firstDone = new CountDownLatch(1);
    Runnable slow =
        () -> {
          maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
          sleep(30);
          ticks.incrementAndGet();
          inside.decrementAndGet();
          firstDone.countDown();
        };
    try (PollScheduler s = new PollScheduler(4, "test")) {
      s.schedule("ScaledJob ns/push", Duration.ofHours(1), slow);
      for (int i = 0; i < 5; i++) {
        s.tickNow("ScaledJob ns/push");
      }
      assertThat(firstDone.await(5, TimeUnit.SECONDS)).isTrue();
      sleep(300);
      // the scheduled first tick plus the five extra ones, one at a time
      assertThat(ticks.get()).isEqualTo(6);
      assertThat(maxInside.get()).isEqualTo(1);
      s.cancel("ScaledJob ns/push");
      s.tickNow("ScaledJob ns/push");
      s.tickNow("never scheduled");
      sleep(100);
      assertThat(ticks.get()).isEqualTo(6);
    }
  }

  private static void await(CountDownLatch l) {
    try {
      l.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
