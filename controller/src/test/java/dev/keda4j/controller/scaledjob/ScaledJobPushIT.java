package dev.keda4j.controller.scaledjob;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keda4j.api.v1alpha1.KedaApi;
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
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.BatchV1Api;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** external-push on a ScaledJob: an announced "active" polls at once, not at pollingInterval. */
class ScaledJobPushIT {
  @RegisterExtension static final KubeApi KUBE = KubeApi.create();

  /** A push source under test control: polls read {@link #queue}. */
  static final class QueueScaler implements PushScaler {
    final String metric;
    final AtomicInteger queue;
    final AtomicInteger polls;
    final List<Consumer<Boolean>> subscribers = new CopyOnWriteArrayList<>();

    QueueScaler(ScalerContext ctx, AtomicInteger queue, AtomicInteger polls) {
      this.metric = ctx.metricName("push");
      this.queue = queue;
      this.polls = polls;
    }

    @Override
    public List<MetricSpec> metricSpecs() {
      return List.of(MetricSpec.external(metric, MetricTargetType.AVERAGE_VALUE, 1));
    }

    @Override
    public CompletionStage<ScalerResult> poll(String metricName) {
      polls.incrementAndGet();
      int n = queue.get();
      return CompletableFuture.completedFuture(
          ScalerResult.of(MetricValue.ofCount(metricName, n), n > 0));
    }

    @Override
    public AutoCloseable subscribe(Consumer<Boolean> onActive) {
      subscribers.add(onActive);
      return () -> subscribers.remove(onActive);
    }

    void announce(boolean active) {
      subscribers.forEach(s -> s.accept(active));
    }

    @Override
    public void close() {}
  }

  private final List<QueueScaler> built = new CopyOnWriteArrayList<>();
  private final AtomicInteger queue = new AtomicInteger();
  private final AtomicInteger polls = new AtomicInteger();
  private ExecutorService writes;
  private ScalerCache cache;
  private PollScheduler scheduler;
  private ScaledJobOperator operator;
  private String ns;

  @BeforeEach
  void start() throws Exception {
    ns = KUBE.createNamespace("sjpush");
    writes = Executors.newFixedThreadPool(2);
    cache =
        new ScalerCache(
            ctx -> {
              QueueScaler s = new QueueScaler(ctx, queue, polls);
              built.add(s);
              return s;
            },
            KedaMetrics.NOOP);
    scheduler = new PollScheduler(2, "sj-push-it");
    JobLoopServices services = SjKube.services(KUBE.apiClient(), cache, writes);
    operator =
        ScaledJobOperator.start(KUBE.apiClient(), ns, services, scheduler, Duration.ofSeconds(2));
  }

  @AfterEach
  void stop() {
    operator.close();
    scheduler.close();
    cache.close();
    writes.shutdownNow();
  }

  @Test
  void anAnnouncedTrueCreatesTheJobsAtOnceAndFalseDoesNotPoll() throws Exception {
    KUBE.apply(
        """
        apiVersion: keda.sh/v1alpha1
        kind: ScaledJob
        metadata: {name: pushed, namespace: %s}
        spec:
          jobTargetRef:
            template:
              spec:
                restartPolicy: Never
                containers:
                - name: worker
                  image: busybox
          pollingInterval: 300
          maxReplicaCount: 10
          triggers:
            - type: external-push
              metadata: {scalerAddress: "127.0.0.1:1"}
        """
            .formatted(ns));
    // the loop's first poll runs at once and finds nothing to do
    await(Duration.ofSeconds(15), () -> !built.isEmpty() && polls.get() >= 1);
    QueueScaler scaler = built.get(built.size() - 1);
    await(Duration.ofSeconds(5), () -> !scaler.subscribers.isEmpty());
    assertThat(jobs()).isZero();

    int pollsBefore = polls.get();
    queue.set(3);
    scaler.announce(false);
    Thread.sleep(300);
    assertThat(polls.get()).isEqualTo(pollsBefore);
    assertThat(jobs()).isZero();

    scaler.announce(true);
    // well before pollingInterval (300 s): only the announcement can have caused this poll
    await(Duration.ofSeconds(10), () -> jobs() == 3);
    assertThat(polls.get()).isGreaterThan(pollsBefore);
  }

  private int jobs() {
    try {
      return new BatchV1Api(KUBE.apiClient())
          .listNamespacedJob(ns)
          .labelSelector(KedaApi.SCALED_JOB_NAME_LABEL + "=pushed")
          .execute()
          .getItems()
          .size();
    } catch (ApiException e) {
      throw new IllegalStateException("listing jobs failed: HTTP " + e.getCode(), e);
    }
  }

  private static void await(Duration timeout, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + timeout);
      }
      Thread.sleep(50);
    }
  }
}
