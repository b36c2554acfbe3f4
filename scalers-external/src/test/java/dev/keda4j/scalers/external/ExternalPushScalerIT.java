package dev.keda4j.scalers.external;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keda4j.scalers.spi.PushScaler;
import dev.keda4j.scalers.spi.ScalerContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code external-push}: StreamIsActive against a real gRPC server on loopback. */
class ExternalPushScalerIT {
  private static final ExternalPushScaler.Backoff FAST =
      new ExternalPushScaler.Backoff(Duration.ofMillis(50), Duration.ofMillis(400));

  private final ExternalChannels channels = new ExternalChannels();

  @AfterEach
  void closeChannels() {
    channels.close();
  }

  private ExternalPushScaler build(TestExternalServer server) throws Exception {
    ScalerContext ctx =
        ScalerContext.builder("external-push")
            .scalableObject("ScaledObject", "team-a", "orders")
            .metadata(Map.of("scalerAddress", server.address(), "queue", "orders"))
            .build();
    return (ExternalPushScaler)
        ExternalScalerProvider.create(
            ctx, new ExternalScalerProvider().bind(ctx).config(), channels, FAST);
  }

  private static void await(BooleanSupplier cond, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!cond.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waiting for %s", what).isLessThan(deadline);
      Thread.sleep(10);
    }
  }

  @Test
  void eachStreamedValueIsDeliveredAtOnce() throws Exception {
    try (TestExternalServer server = new TestExternalServer();
        ExternalPushScaler s = build(server)) {
      assertThat(s).isInstanceOf(PushScaler.class);
      BlockingQueue<Boolean> seen = new LinkedBlockingQueue<>();
      try (AutoCloseable sub = s.subscribe(seen::add)) {
        await(() -> server.streams.size() == 1, "the stream to open");
        assertThat(server.refs.get(server.refs.size() - 1).getScalerMetadataMap())
            .containsEntry("queue", "orders");
        long start = System.nanoTime();
        server.push(true);
        Boolean first = seen.poll(5, TimeUnit.SECONDS);
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(first).isTrue();
        // a poll interval is 30 s by default; the push arrives well before any poll
        assertThat(tookMs).isLessThan(2_000);
        server.push(false);
        assertThat(seen.poll(5, TimeUnit.SECONDS)).isFalse();
      }
      await(() -> server.streams.get(0).isCancelled(), "closing the subscription cancels");
      assertThat(s.subscriptions()).isZero();
    }
  }

  @Test
  void aBrokenStreamIsReopenedAndNeverReadAsInactive() throws Exception {
    try (TestExternalServer server = new TestExternalServer();
        ExternalPushScaler s = build(server)) {
      List<Boolean> seen = new CopyOnWriteArrayList<>();
      try (AutoCloseable sub = s.subscribe(seen::add)) {
        await(() -> server.streams.size() == 1, "the stream to open");
        server.breakStreams();
        await(() -> server.streamsOpened.get() == 2, "the stream to reopen");
        assertThat(seen).as("a break delivers nothing").isEmpty();
        await(() -> server.streams.size() == 1, "the reopened stream");
        server.push(true);
        await(() -> seen.equals(List.of(true)), "the value on the reopened stream");
      }
    }
  }

  @Test
  void aDeadServerDeliversNothingAndClosingStopsTheRetries() throws Exception {
    TestExternalServer server = new TestExternalServer();
    ExternalPushScaler s = build(server);
    List<Boolean> seen = new CopyOnWriteArrayList<>();
    AutoCloseable sub = s.subscribe(seen::add);
    try {
      await(() -> server.streams.size() == 1, "the stream to open");
      server.close();
      Thread.sleep(600);
      assertThat(seen).as("a dead server delivers nothing").isEmpty();
    } finally {
      sub.close();
      s.close();
    }
    assertThat(s.subscriptions()).isZero();
  }
}
