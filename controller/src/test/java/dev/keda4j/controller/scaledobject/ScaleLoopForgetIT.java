package dev.keda4j.controller.scaledobject;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keda4j.api.v1alpha1.ScaledObject;
import dev.keda4j.controller.metrics.KedaMetrics;
import dev.keda4j.controller.scaling.ScalerCache;
import dev.keda4j.controller.scaling.TriggerScaler;
import dev.keda4j.scalers.spi.MetricSpec;
import dev.keda4j.scalers.spi.MetricTargetType;
import dev.keda4j.scalers.spi.MetricValue;
import dev.keda4j.scalers.spi.Scaler;
import dev.keda4j.scalers.spi.ScalerResult;
import dev.keda4j.testkit.kube.KubeApi;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.CoreV1Event;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A ScaledObject forgotten (deleted) while its scale loop tick, or a metrics API read, is inside a
 * scaler read, with real threads held on latches against the Kubernetes API fixture. The forget is
 * the one {@code ScaledObjectReconciler.forget} does for these parts: the cache removes the
 * scalers, then the object's {@code keda_*} series are dropped. Whether the held read then succeeds
 * or fails, nothing of the object comes back: no {@link MetricReads} state, no series recorded, no
 * {@code /scale} change, no status and no event.
 */
class ScaleLoopForgetIT {
  @RegisterExtension static final KubeApi KUBE = KubeApi.create();
  private static final long WAIT_S = 20;

  private final ExecutorService pool = Executors.newCachedThreadPool();
  private final Recorder metrics = new Recorder();
  private final HeldScalers factory = new HeldScalers();
  private ScalerCache cache;
  private ScaledObjectServices services;
  private SoKube k;
  private String ns;

  @BeforeEach
  void setUp() {
    ns = KUBE.createNamespace("soforget");
    k = new SoKube(KUBE, ns);
    cache = new ScalerCache(factory, metrics);
    services = SoKube.services(KUBE.apiClient(), cache, metrics);
  }

  @AfterEach
  void tearDown() {
    factory.release.countDown();
    cache.close();
    pool.shutdownNow();
  }

  @Test
  void withoutForgetTheSameTickScalesWritesStatusAndRecordsSeries() throws Exception {
    ScaleLoop loop = registeredLoop("live", "");
    factory.release.countDown();

    loop.tick();

    assertThat(k.replicas("live")).isEqualTo(1);
    assertThat(k.conditions("live")).isNotEmpty();
    assertThat(metrics.calls()).anyMatch(c -> c.startsWith("scalerRead "));
    assertThat(MetricReads.of(cache).tracks(key("live"))).isTrue();
  }

  @Test
  void aTickWhoseReadSucceedsAfterForgetActsOnNothingAndRecordsNothing() throws Exception {
    ScaleLoop loop = registeredLoop("ok", "");
    Future<?> tick = pool.submit(loop::tick);
    assertThat(factory.entered.await(WAIT_S, TimeUnit.SECONDS)).isTrue();

    int recordedAtForget = forget("ok");
    factory.release.countDown(); // the held read now answers: value 3, active

    tick.get(WAIT_S, TimeUnit.SECONDS);
    assertNothingOf("ok", recordedAtForget);
    // a tick still running on the timer after forget, and a metrics API read: nothing either
    loop.tick();
    assertThat(
            new CachedMetricsSource(cache, Duration.ofSeconds(5))
                .read(ns, "ok", "s0-held")
                .toCompletableFuture())
        .failsWithin(Duration.ofSeconds(WAIT_S));
    assertNothingOf("ok", recordedAtForget);
  }

  @Test
  void aTickWhoseReadFailsAfterForgetAppliesNoFallbackAndRecordsNothing() throws Exception {
    ScaleLoop loop = registeredLoop("fails", "fallback: {failureThreshold: 1, replicas: 4}");
    factory.failing = true;
    Future<?> tick = pool.submit(loop::tick);
    assertThat(factory.entered.await(WAIT_S, TimeUnit.SECONDS)).isTrue();

    int recordedAtForget = forget("fails");
    factory.release.countDown(); // the held read now fails

    tick.get(WAIT_S, TimeUnit.SECONDS);
    assertNothingOf("fails", recordedAtForget);
    assertThat(MetricReads.of(cache).health(key("fails"))).isEmpty();
    assertThat(factory.polls).as("no rebuild and second poll of a removed object").hasSize(1);
  }

  @Test
  void aMetricsApiReadEndingAfterForgetLeavesNoStateAndRecordsNothing() throws Exception {
    registeredLoop("api", "");
    CompletableFuture<List<MetricValue>> read =
        new CachedMetricsSource(cache, Duration.ofSeconds(5))
            .read(ns, "api", "s0-held")
            .toCompletableFuture();
    assertThat(factory.entered.await(WAIT_S, TimeUnit.SECONDS)).isTrue();

    int recordedAtForget = forget("api");
    factory.release.countDown();

    // the read itself was a good one and answers; it leaves nothing of the object behind
    assertThat(read.get(WAIT_S, TimeUnit.SECONDS))
        .extracting(v -> v.value().toString())
        .containsExactly("3");
    assertNothingOf("api", recordedAtForget);
  }

  private void assertNothingOf(String name, int recordedAtForget) throws Exception {
    assertThat(MetricReads.of(cache).tracks(key(name))).as("MetricReads state").isFalse();
    assertThat(metrics.calls().subList(recordedAtForget, metrics.calls().size()))
        .as("keda_* recorded after forget")
        .isEmpty();
    assertThat(k.replicas(name)).as("target replicas").isZero();
    assertThat(k.status(name).getConditions()).as("status conditions").isNullOrEmpty();
    assertThat(events(name)).as("events").isEmpty();
  }

  /**
   * What the reconciler's forget does to the parts under test; returns the calls recorded so far.
   */
  private int forget(String name) {
    cache.remove(key(name));
    metrics.deleted(KedaMetrics.ResourceType.SCALED_OBJECT, ns, name);
    assertThat(MetricReads.of(cache).tracks(key(name))).isFalse();
    return metrics.calls().size();
  }

  private String key(String name) {
    return "ScaledObject " + ns + "/" + name;
  }

  /** A Deployment at 0, its ScaledObject, the scalers built as the reconciler builds them. */
  private ScaleLoop registeredLoop(String name, String extraSpec) {
    k.deployment(name, 0);
    KUBE.apply(
        """
        apiVersion: keda.sh/v1alpha1
        kind: ScaledObject
        metadata: {name: %s, namespace: %s}
        spec:
          scaleTargetRef: {name: %s}
          %s
          triggers:
            - {type: held, metadata: {}}
        """
            .formatted(name, ns, name, extraSpec));
    ScaledObject so = k.read(name);
    ScaleTargetClient.Target target =
        services.targets().resolveTarget(so.getSpec().getScaleTargetRef(), ns);
    List<TriggerScaler> built =
        cache.scalers(
            key(name),
            services
                .resolver()
                .resolve(
                    so, services.resolver().envSource(so, services.targets().template(target))));
    assertThat(built).singleElement().satisfies(t -> assertThat(t.scaler()).isPresent());
    return new ScaleLoop(key(name), () -> k.read(name), target, List.of("s0-held"), services);
  }

  private List<String> events(String name) throws Exception {
    List<String> out = new ArrayList<>();
    for (CoreV1Event e :
        new CoreV1Api(KUBE.apiClient()).listNamespacedEvent(ns).execute().getItems()) {
      if (name.equals(e.getInvolvedObject().getName())) {
        out.add(e.getReason() + ": " + e.getMessage());
      }
    }
    return out;
  }

  /** Scalers whose every poll waits for {@link #release}, then answers 3 (active) or fails. */
  static final class HeldScalers implements ScalerCache.Factory {
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final List<String> polls = new java.util.concurrent.CopyOnWriteArrayList<>();
    volatile boolean failing;

    @Override
    public Scaler build(dev.keda4j.scalers.spi.ScalerContext ctx) {
      String metric = ctx.metricName("held");
      return new Scaler() {
        @Override
        public List<MetricSpec> metricSpecs() {
          return List.of(MetricSpec.external(metric, MetricTargetType.AVERAGE_VALUE, 1));
        }

        @Override
        public CompletionStage<ScalerResult> poll(String metricName) {
          polls.add(metricName);
          return CompletableFuture.supplyAsync(
              () -> {
                entered.countDown();
                try {
                  if (!release.await(WAIT_S, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("poll never released");
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  throw new IllegalStateException("interrupted");
                }
                if (failing) {
                  throw new IllegalStateException("source down");
                }
                return ScalerResult.of(MetricValue.ofCount(metricName, 3), true);
              },
              r -> new Thread(r, "held-scaler-poll").start());
        }

        @Override
        public void close() {}
      };
    }
  }

  /** Every keda_* recording, in order; forget/deleted are not counted as recordings. */
  static final class Recorder implements KedaMetrics {
    private final List<String> calls = new ArrayList<>();

    synchronized List<String> calls() {
      return List.copyOf(calls);
    }

    @Override
    public synchronized void scalerRead(
        Trigger trigger, double value, boolean active, Duration latency) {
      calls.add("scalerRead " + trigger.resource() + " " + trigger.metricName() + " " + value);
    }

    @Override
    public synchronized void scalerError(Trigger trigger) {
      calls.add("scalerError " + trigger.resource() + " " + trigger.metricName());
    }

    @Override
    public synchronized void objectError(ResourceType type, String namespace, String name) {
      calls.add("objectError " + name);
    }

    @Override
    public synchronized void paused(String namespace, String scaledObject, boolean paused) {
      calls.add("paused " + scaledObject);
    }

    @Override
    public synchronized void scaleLoopLatency(
        ResourceType type, String namespace, String name, Duration lateness) {
      calls.add("scaleLoopLatency " + name);
    }

    @Override
    public void forget(ResourceType type, String namespace, String name) {}
  }
}
