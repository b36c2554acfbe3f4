package dev.keda4j.controller.scaledobject;

import static dev.keda4j.controller.scaledobject.SoKube.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keda4j.controller.metrics.KedaMetrics;
import dev.keda4j.controller.scaling.PollScheduler;
import dev.keda4j.controller.scaling.ScalerCache;
import dev.keda4j.scalers.spi.MetricSpec;
import dev.keda4j.scalers.spi.MetricTargetType;
import dev.keda4j.scalers.spi.MetricValue;
import dev.keda4j.scalers.spi.PushScaler;
import dev.keda4j.scalers.spi.ScalerContext;
import dev.keda4j.scalers.spi.ScalerResult;
import dev.keda4j.testkit.kube.KubeApi;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Push scalers (scaledobject.md §13): one subscription per built scaler, an announced {@code true}
 * activates the target at once (pollingInterval is 300 s and polls read inactive), {@code false} is
 * ignored, and the subscription closes with the scaler.
 */
class ScaledObjectPushIT {
  @RegisterExtension static final KubeApi KUBE = KubeApi.create();

  /** A push source under test control: polls read 0 / inactive. */
  static final class TestPushScaler implements PushScaler {
    final String metric;
    final List<Consumer<Boolean>> subscribers = new CopyOnWriteArrayList<>();
    final AtomicInteger openSubscriptions;

    TestPushScaler(ScalerContext ctx, AtomicInteger open) {
      this.metric = ctx.metricName("push");
      this.openSubscriptions = open;
    }

    @Override
    public List<MetricSpec> metricSpecs() {
      return List.of(MetricSpec.external(metric, MetricTargetType.AVERAGE_VALUE, 1));
    }

    @Override
    public CompletionStage<ScalerResult> poll(String metricName) {
      return CompletableFuture.completedFuture(
          ScalerResult.of(MetricValue.ofCount(metricName, 0), false));
    }

    @Override
    public AutoCloseable subscribe(Consumer<Boolean> onActive) {
      subscribers.add(onActive);
      openSubscriptions.incrementAndGet();
      return () -> {
        if (subscribers.remove(onActive)) {
          openSubscriptions.decrementAndGet();
        }
      };
    }

    void announce(boolean active) {
      subscribers.forEach(s -> s.accept(active));
    }

    @Override
    public void close() {}
  }

  private final List<TestPushScaler> built = new CopyOnWriteArrayList<>();
  private final AtomicInteger open = new AtomicInteger();
  private ScalerCache cache;
  private PollScheduler scheduler;
  private ScaledObjectOperator operator;
  private String ns;
  private SoKube k;

  @BeforeEach
  void start() throws Exception {
    ns = KUBE.createNamespace("sopush");
    k = new SoKube(KUBE, ns);
    cache =
        new ScalerCache(
            ctx -> {
              TestPushScaler s = new TestPushScaler(ctx, open);
              built.add(s);
              return s;
            },
            KedaMetrics.NOOP);
    scheduler = new PollScheduler(2, "so-push-it");
    ScaledObjectServices services =
        ScaledObjectOperator.services(
            KUBE.apiClient(), cache, Clock.systemUTC(), "keda", "2.17.0", Duration.ofSeconds(2));
    operator =
        ScaledObjectOperator.start(
            KUBE.apiClient(), ns, services, scheduler, Duration.ofSeconds(1));
  }

  @AfterEach
  void stop() {
    operator.close();
    scheduler.close();
    cache.close();
  }

  @Test
  void anAnnouncedTrueActivatesAtOnceAndTheSubscriptionClosesWithTheScaler() throws Exception {
    String name = SoKube.unique("push");
    k.deployment(name, 0);
    KUBE.apply(
        """
        apiVersion: keda.sh/v1alpha1
        kind: ScaledObject
        metadata: {name: %s, namespace: %s}
        spec:
          scaleTargetRef: {name: %s}
          pollingInterval: 300
          minReplicaCount: 0
          maxReplicaCount: 5
          triggers:
            - type: external-push
              metadata: {scalerAddress: "127.0.0.1:1"}
        """
            .formatted(name, ns, name));
    await(
        Duration.ofSeconds(15),
        () -> k.status(name).getExternalMetricNames() != null && !built.isEmpty());
    assertThat(open.get()).isEqualTo(1);
    assertThat(cache.pushSubscriptions()).isEqualTo(1);
    TestPushScaler scaler = built.get(built.size() - 1);
    Thread.sleep(1000);
    assertThat(k.replicas(name)).isZero();

    scaler.announce(false);
    Thread.sleep(500);
    assertThat(k.replicas(name)).isZero();

    long before = System.nanoTime();
    scaler.announce(true);
    await(Duration.ofSeconds(5), () -> k.replicas(name) == 1);
    assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(5));
    await(
        Duration.ofSeconds(5),
        () -> {
          var activity = k.status(name).getTriggersActivity();
          return activity != null
              && activity.containsKey("s0-push")
              && Boolean.TRUE.equals(activity.get("s0-push").getIsActive());
        });
    assertThat(k.eventMessages(name, "KEDAScaleTargetActivated")).isNotEmpty();

    String key = "ScaledObject " + ns + "/" + name;
    cache.rebuild(key, 0);
    assertThat(open.get()).isEqualTo(1);
    assertThat(scaler.subscribers).isEmpty();
    cache.remove(key);
    assertThat(open.get()).isZero();
    assertThat(cache.pushSubscriptions()).isZero();
  }
}
