package dev.keda4j.controller.scaledobject;

import static dev.keda4j.controller.scaledobject.SoKube.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keda4j.api.v1alpha1.HealthStatus;
import dev.keda4j.controller.scaledobject.status.Conditions;
import dev.keda4j.controller.scaling.PollScheduler;
import dev.keda4j.controller.scaling.ScalerCache;
import dev.keda4j.scalers.spi.MetricValue;
import dev.keda4j.scalers.spi.ScalerRegistry;
import dev.keda4j.scalers.spi.ScalerRuntime;
import dev.keda4j.testkit.kube.KubeApi;
import dev.keda4j.testkit.sources.RedisProcesses;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Fallback applied end to end (scaledobject.md §9): a private Redis serves items, then dies; after
 * {@code failureThreshold} failed reads the metrics API answers {@code fallback.replicas × target},
 * {@code status.health} counts the failures, Fallback=True, and the target never goes to zero.
 */
class ScaledObjectFallbackIT {
  @RegisterExtension static final KubeApi KUBE = KubeApi.create();

  private static Vertx vertx;
  private static ExecutorService blocking;

  private RedisProcesses redis;
  private ScalerRuntime runtime;
  private ScalerCache cache;
  private PollScheduler scheduler;
  private ScaledObjectOperator operator;
  private String ns;
  private SoKube k;

  @BeforeAll
  static void startVertx() {
    vertx = Vertx.vertx();
    blocking = Executors.newFixedThreadPool(2);
  }

  @AfterAll
  static void stopVertx() throws Exception {
    blocking.shutdownNow();
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @BeforeEach
  void start() throws Exception {
    redis = new RedisProcesses();
    ns = KUBE.createNamespace("sofb");
    k = new SoKube(KUBE, ns);
    runtime = new ScalerRuntime(vertx, blocking);
    cache = new ScalerCache(ScalerRegistry.load(), runtime);
    scheduler = new PollScheduler(2, "so-fb-it");
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
    runtime.close();
    redis.close();
  }

  @Test
  void afterThresholdFailuresTheAdapterServesFallbackAndReplicasNeverDropToZero() throws Exception {
    RedisProcesses.Node node = redis.standalone();
    String name = SoKube.unique("fb");
    node.call("RPUSH", "jobs", "a", "b", "c");
    k.deployment(name, 0);
    KUBE.apply(
        """
        apiVersion: keda.sh/v1alpha1
        kind: ScaledObject
        metadata: {name: %s, namespace: %s}
        spec:
          scaleTargetRef: {name: %s}
          pollingInterval: 1
          cooldownPeriod: 1
          minReplicaCount: 0
          maxReplicaCount: 10
          fallback: {failureThreshold: 2, replicas: 4}
          triggers:
            - type: redis
              metadata: {address: "%s", listName: jobs, listLength: "5"}
        """
            .formatted(name, ns, name, node.address()));
    await(Duration.ofSeconds(20), () -> k.replicas(name) == 1);
    String metric = "s0-redis-jobs";
    CachedMetricsSource adapter = new CachedMetricsSource(cache, Duration.ofSeconds(2));
    assertThat(read(adapter, name, metric)).containsExactly("3");
    await(
        Duration.ofSeconds(10),
        () -> {
          Map<String, HealthStatus> h = k.status(name).getHealth();
          return h != null && h.containsKey(metric) && "Happy".equals(h.get(metric).getStatus());
        });
    assertThat(Conditions.find(k.conditions(name), "Fallback").orElseThrow().getStatus())
        .isEqualTo("False");

    node.process().close();
    await(Duration.ofSeconds(30), () -> Conditions.isTrue(k.conditions(name), "Fallback"));
    HealthStatus health = k.status(name).getHealth().get(metric);
    assertThat(health.getStatus()).isEqualTo("Failing");
    assertThat(health.getNumberOfFailures()).isGreaterThan(2);
    // fallback.replicas × listLength target: 4 × 5
    assertThat(read(adapter, name, metric)).containsExactly("20");
    assertThat(k.eventMessages(name, "ScaledObjectFallbackActivated"))
        .contains("ScaledObject fallback is active");
    long until = System.nanoTime() + Duration.ofSeconds(4).toNanos();
    while (System.nanoTime() < until) {
      assertThat(k.replicas(name)).isGreaterThanOrEqualTo(1);
      Thread.sleep(200);
    }
    assertThat(Conditions.find(k.conditions(name), "Ready").orElseThrow().getStatus())
        .isEqualTo("True");
  }

  @Test
  void belowTheThresholdTheAdapterFailsAndTheTargetKeepsItsReplicas() throws Exception {
    String name = SoKube.unique("fbt");
    k.deployment(name, 2);
    KUBE.apply(
        """
        apiVersion: keda.sh/v1alpha1
        kind: ScaledObject
        metadata: {name: %s, namespace: %s}
        spec:
          scaleTargetRef: {name: %s}
          pollingInterval: 30
          cooldownPeriod: 1
          minReplicaCount: 0
          maxReplicaCount: 10
          fallback: {failureThreshold: 50, replicas: 4}
          triggers:
            - type: redis
              metadata: {address: "127.0.0.1:1", listName: jobs, listLength: "5"}
        """
            .formatted(name, ns, name));
    await(
        Duration.ofSeconds(20),
        () -> {
          Map<String, HealthStatus> h = k.status(name).getHealth();
          return h != null && h.containsKey("s0-redis-jobs");
        });
    CachedMetricsSource adapter = new CachedMetricsSource(cache, Duration.ofSeconds(2));
    assertThat(adapter.read(ns, name, "s0-redis-jobs").toCompletableFuture())
        .failsWithin(Duration.ofSeconds(10));
    assertThat(k.replicas(name)).isEqualTo(2);
    assertThat(k.status(name).getHealth().get("s0-redis-jobs").getStatus()).isEqualTo("Failing");
    assertThat(Conditions.find(k.conditions(name), "Fallback").orElseThrow().getStatus())
        .isEqualTo("False");
  }

  private List<String> read(CachedMetricsSource adapter, String name, String metric)
      throws Exception {
    return adapter.read(ns, name, metric).toCompletableFuture().get(10, TimeUnit.SECONDS).stream()
        .map(MetricValue::value)
        .map(Object::toString)
        .toList();
  }
}
