package dev.keda4j.controller.scaling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SingleFlightTest {
  @Test
  void concurrentCallsOfOneKeyShareOneCallOtherKeysDoNot() throws Exception {
    SingleFlight<String, Integer> flights = new SingleFlight<>();
    AtomicInteger calls = new AtomicInteger();
    CompletableFuture<Integer> gate = new CompletableFuture<>();
    List<CompletableFuture<Integer>> a = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      a.add(flights.run("a", () -> gate.thenApply(v -> v + calls.incrementAndGet() * 0)));
    }
    CompletableFuture<Integer> b = flights.run("b", () -> CompletableFuture.completedFuture(2));
    assertThat(flights.inFlight()).isEqualTo(1);
    gate.complete(1);
    for (CompletableFuture<Integer> f : a) {
      assertThat(f.get(1, TimeUnit.SECONDS)).isEqualTo(1);
    }
    assertThat(b.get(1, TimeUnit.SECONDS)).isEqualTo(2);
    assertThat(calls.get()).isEqualTo(1);
    assertThat(flights.inFlight()).isZero();
    // completed: the next call starts afresh
    assertThat(flights.run("a", () -> CompletableFuture.completedFuture(3)).get()).isEqualTo(3);
  }

  @Test
  void aFailureReachesEveryWaiterAndACallerCannotCompleteTheOthersFuture() {
    SingleFlight<String, Integer> flights = new SingleFlight<>();
    CompletableFuture<Integer> gate = new CompletableFuture<>();
    CompletableFuture<Integer> first = flights.run("k", () -> gate);
    CompletableFuture<Integer> second =
        flights.run("k", () -> CompletableFuture.completedFuture(9));
    first.complete(42);
    gate.completeExceptionally(new IllegalStateException("down"));
    assertThat(second).isCompletedExceptionally();
    assertThat(first.join()).isEqualTo(42);
    assertThat(
            flights.run(
                "k",
                () -> {
                  throw new IllegalStateException("boom");
                }))
        .isCompletedExceptionally();
    assertThat(flights.inFlight()).isZero();
  }
}
