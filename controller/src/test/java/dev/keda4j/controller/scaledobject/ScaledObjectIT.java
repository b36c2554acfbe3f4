package dev.keda4j.controller.scaledobject;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keda4j.api.v1alpha1.Condition;
import dev.keda4j.api.v1alpha1.KedaApi;
import dev.keda4j.api.v1alpha1.ScaledObject;
import dev.keda4j.controller.metrics.KedaMetrics;
import dev.keda4j.controller.metrics.RecordingKedaMetrics;
import dev.keda4j.controller.scaledobject.status.Conditions;
import dev.keda4j.controller.scaling.PollScheduler;
import dev.keda4j.controller.scaling.ScalerCache;
import dev.keda4j.scalers.spi.MetricValue;
import dev.keda4j.scalers.spi.ScalerRegistry;
import dev.keda4j.scalers.spi.ScalerRuntime;
import dev.keda4j.testkit.kube.KubeApi;
import dev.keda4j.testkit.sources.RedisFixture;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import io.kubernetes.client.openapi.models.V2MetricSpec;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * The ScaledObject controller and scale loop against the Kubernetes API fixture and the real Redis:
 * a Deployment is activated from zero, deactivated after cooldown, never scaled to zero on errors,
 * and an invalid ScaledObject gets no HPA.
 */
class ScaledObjectIT {
  @RegisterExtension static final KubeApi KUBE = KubeApi.create();
  @RegisterExtension static final RedisFixture REDIS = new RedisFixture();

  private static Vertx vertx;
  private static ExecutorService blocking;

  private ScalerRuntime runtime;
  private ScalerCache cache;
  private PollScheduler scheduler;
  private ScaledObjectOperator operator;
  private final List<String> keys = new ArrayList<>();
  private final RecordingKedaMetrics metrics = new RecordingKedaMetrics();
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
    ns = KUBE.createNamespace("so");
    k = new SoKube(KUBE, ns);
    runtime = new ScalerRuntime(vertx, blocking);
    cache = new ScalerCache(ScalerRegistry.load(), runtime);
    scheduler = new PollScheduler(2, "so-it");
    ScaledObjectServices services = SoKube.services(KUBE.apiClient(), cache, metrics);
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
    keys.forEach(k -> REDIS.call("DEL", k));
  }

  @Test
  void itemsActivateFromZeroAndAnEmptyListScalesBackToZeroAfterCooldown() throws Exception {
    String name = SoKube.unique("act");
    String list = list();
    k.deployment(name, 0);
    KUBE.apply(scaledObject(name, list, REDIS.host() + ":" + REDIS.port(), 0, 5));
    SoKube.await(Duration.ofSeconds(15), () -> k.hpa("keda-hpa-" + name) != null);
    V2HorizontalPodAutoscaler hpa = k.hpa("keda-hpa-" + name);
    assertThat(hpa.getMetadata().getName()).isEqualTo("keda-hpa-" + name);
    assertThat(hpa.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(o -> assertThat(o.getName()).isEqualTo(name));
    assertThat(hpa.getSpec().getMetrics())
        .extracting(V2MetricSpec::getType)
        .containsExactly("External");
    String metric = hpa.getSpec().getMetrics().get(0).getExternal().getMetric().getName();
    assertThat(metric).isEqualTo("s0-redis-" + list);
    Thread.sleep(2500);
    assertThat(k.replicas(name)).isZero();

    REDIS.call("RPUSH", list, "a", "b", "c");
    SoKube.await(Duration.ofSeconds(15), () -> k.replicas(name) == 1);
    SoKube.await(
        Duration.ofSeconds(10),
        () ->
            Conditions.isTrue(k.conditions(name), "Active")
                && k.status(name).getLastActiveTime() != null);
    ScaledObject so = k.read(name);
    assertThat(so.getStatus().getHpaName()).isEqualTo("keda-hpa-" + name);
    assertThat(so.getStatus().getExternalMetricNames()).containsExactly(metric);
    assertThat(so.getStatus().getScaleTargetKind()).isEqualTo("apps/v1.Deployment");
    assertThat(so.getStatus().getOriginalReplicaCount()).isZero();
    assertThat(so.getStatus().getTriggersTypes()).isEqualTo("redis");
    // neither restoreToOriginalReplicaCount nor an authenticationRef: deletion has nothing to wait
    // for, so no finalizer
    assertThat(so.getMetadata().getFinalizers()).isNullOrEmpty();
    assertThat(k.eventMessages(name, "KEDAScaleTargetActivated")).isNotEmpty();
    List<MetricValue> served =
        new CachedMetricsSource(cache, Duration.ofSeconds(5))
            .read(ns, name, metric.toUpperCase(java.util.Locale.ROOT))
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
    assertThat(served)
        .singleElement()
        .satisfies(v -> assertThat(v.value().toString()).isEqualTo("3"));

    REDIS.call("DEL", list);
    SoKube.await(Duration.ofSeconds(15), () -> k.replicas(name) == 0);
    java.time.Instant scaledIn = java.time.Instant.now();
    // cooldownPeriod 2: scaled in only once 2 s have passed since the last active poll
    assertThat(scaledIn).isAfter(k.status(name).getLastActiveTime().toInstant().plusSeconds(2));
    assertThat(k.eventMessages(name, "KEDAScaleTargetDeactivated")).isNotEmpty();
    SoKube.await(
        Duration.ofSeconds(10),
        () ->
            Conditions.find(k.conditions(name), "Active")
                .map(c -> "False".equals(c.getStatus()))
                .orElse(false));
  }

  @Test
  void anUnreachableRedisNeverScalesToZeroAndReadyShowsTheError() throws Exception {
    String name = SoKube.unique("down");
    k.deployment(name, 2);
    KUBE.apply(scaledObject(name, list(), "127.0.0.1:1", 0, 5));
    SoKube.await(
        Duration.ofSeconds(20),
        () ->
            Conditions.find(k.conditions(name), "Ready")
                .map(c -> "False".equals(c.getStatus()))
                .orElse(false));
    Thread.sleep(4000);
    assertThat(k.replicas(name)).isEqualTo(2);
    Condition ready = Conditions.find(k.conditions(name), "Ready").orElseThrow();
    assertThat(ready.getStatus()).isEqualTo("False");
    assertThat(ready.getReason()).isIn("TriggerError", "ScaledObjectCheckFailed");
    assertThat(
            new CachedMetricsSource(cache, Duration.ofSeconds(5))
                .read(ns, name, "s0-redis-x")
                .toCompletableFuture())
        .failsWithin(Duration.ofSeconds(10));
  }

  @Test
  void minAboveMaxIsReportedOnReadyWithTheFieldAndGetsNoHpa() throws Exception {
    String name = SoKube.unique("bad");
    k.deployment(name, 1);
    KUBE.apply(scaledObject(name, list(), REDIS.host() + ":" + REDIS.port(), 5, 2));
    SoKube.await(
        Duration.ofSeconds(15),
        () ->
            Conditions.find(k.conditions(name), "Ready")
                .map(c -> "False".equals(c.getStatus()))
                .orElse(false));
    Condition ready = Conditions.find(k.conditions(name), "Ready").orElseThrow();
    assertThat(ready.getReason()).isEqualTo("ScaledObjectCheckFailed");
    assertThat(ready.getMessage())
        .contains("spec.minReplicaCount")
        .contains("MinReplicaCount=5 must be less than MaxReplicaCount=2");
    assertThat(k.eventMessages(name, "ScaledObjectCheckFailed"))
        .anySatisfy(m -> assertThat(m).contains("spec.minReplicaCount"));
    Thread.sleep(2000);
    assertThat(k.hpa("keda-hpa-" + name)).isNull();
    assertThat(k.replicas(name)).isEqualTo(1);
  }

  @Test
  void deletingRemovesTheFinalizerAndRestoresTheOriginalReplicaCount() throws Exception {
    String name = SoKube.unique("del");
    String list = list();
    REDIS.call("RPUSH", list, "a");
    k.deployment(name, 3);
    KUBE.apply(
        scaledObject(name, list, REDIS.host() + ":" + REDIS.port(), 0, 5)
            .replace(
                "  pollingInterval: 1",
                "  pollingInterval: 1\n  advanced: {restoreToOriginalReplicaCount: true}"));
    SoKube.await(Duration.ofSeconds(15), () -> k.status(name).getOriginalReplicaCount() != null);
    assertThat(k.status(name).getOriginalReplicaCount()).isEqualTo(3);
    KUBE.raw(
        "PATCH",
        "/apis/apps/v1/namespaces/" + ns + "/deployments/" + name + "/scale",
        "{\"spec\":{\"replicas\":4}}",
        "application/merge-patch+json");
    assertThat(k.replicas(name)).isEqualTo(4);
    KUBE.raw("DELETE", "/apis/keda.sh/v1alpha1/namespaces/" + ns + "/scaledobjects/" + name, null);
    SoKube.await(
        Duration.ofSeconds(15),
        () ->
            KUBE.raw(
                        "GET",
                        "/apis/keda.sh/v1alpha1/namespaces/" + ns + "/scaledobjects/" + name,
                        null)
                    .code()
                == 404);
    assertThat(k.replicas(name)).isEqualTo(3);
    assertThat(k.eventMessages(name, "ScaledObjectDeleted"))
        .containsExactly("ScaledObject was deleted");
  }

  @Test
  void restoreToOriginalReplicaCountGetsTheFinalizerBeforeTheHpa() throws Exception {
    String name = SoKube.unique("fin");
    k.deployment(name, 1);
    KUBE.apply(
        scaledObject(name, list(), REDIS.host() + ":" + REDIS.port(), 0, 5)
            .replace(
                "  pollingInterval: 1",
                "  pollingInterval: 1\n  advanced: {restoreToOriginalReplicaCount: true}"));
    SoKube.await(Duration.ofSeconds(15), () -> k.hpa("keda-hpa-" + name) != null);
    assertThat(k.read(name).getMetadata().getFinalizers()).containsExactly(KedaApi.FINALIZER);
  }

  @Test
  void withoutAFinalizerTheDeleteNotificationStopsTheLoopAndNothingIsWritten() throws Exception {
    String name = SoKube.unique("nofin");
    String list = list();
    k.deployment(name, 0);
    KUBE.apply(scaledObject(name, list, REDIS.host() + ":" + REDIS.port(), 0, 5));
    SoKube.await(
        Duration.ofSeconds(15),
        () ->
            k.hpa("keda-hpa-" + name) != null
                && Conditions.find(k.conditions(name), "Active")
                    .map(c -> "False".equals(c.getStatus()))
                    .orElse(false));
    assertThat(k.read(name).getMetadata().getFinalizers()).isNullOrEmpty();
    String key = "ScaledObject " + ns + "/" + name;
    assertThat(scheduler.isScheduled(key)).isTrue();
    assertThat(cache.current(key)).isNotEmpty();

    KUBE.raw("DELETE", "/apis/keda.sh/v1alpha1/namespaces/" + ns + "/scaledobjects/" + name, null);
    // gone at once: nothing held the deletion
    assertThat(
            KUBE.raw(
                    "GET",
                    "/apis/keda.sh/v1alpha1/namespaces/" + ns + "/scaledobjects/" + name,
                    null)
                .code())
        .isEqualTo(404);
    SoKube.await(Duration.ofSeconds(10), () -> !scheduler.isScheduled(key));
    SoKube.await(Duration.ofSeconds(10), () -> cache.current(key).isEmpty());
    SoKube.await(
        Duration.ofSeconds(10),
        () -> metrics.wasDeleted(KedaMetrics.ResourceType.SCALED_OBJECT, ns, name));
    // items after the delete: a stopped loop scales nothing
    REDIS.call("RPUSH", list, "a", "b");
    Thread.sleep(2500);
    assertThat(k.replicas(name)).isZero();
    assertThat(k.eventMessages(name, "KEDAScaleTargetActivated")).isEmpty();
  }

  @Test
  void aPausedScaledObjectIsNotActivatedByItems() throws Exception {
    String name = SoKube.unique("pause");
    String list = list();
    REDIS.call("RPUSH", list, "a", "b");
    k.deployment(name, 0);
    KUBE.apply(
        scaledObject(name, list, REDIS.host() + ":" + REDIS.port(), 0, 5)
            .replace(
                "metadata: {name: " + name + ", namespace: " + ns + "}",
                "metadata: {name: "
                    + name
                    + ", namespace: "
                    + ns
                    + ", annotations: {autoscaling.keda.sh/paused: \"true\"}}"));
    SoKube.await(Duration.ofSeconds(15), () -> Conditions.isTrue(k.conditions(name), "Paused"));
    Thread.sleep(2500);
    assertThat(k.replicas(name)).isZero();
    assertThat(Conditions.find(k.conditions(name), "Paused").orElseThrow().getReason())
        .isEqualTo("ScaledObjectPaused");
  }

  private String list() {
    String key = REDIS.key();
    keys.add(key);
    return key;
  }

  private String scaledObject(String name, String list, String address, int min, int max) {
    return """
        apiVersion: keda.sh/v1alpha1
        kind: ScaledObject
        metadata: {name: %s, namespace: %s}
        spec:
          scaleTargetRef: {name: %s}
          pollingInterval: 1
          cooldownPeriod: 2
          minReplicaCount: %d
          maxReplicaCount: %d
          triggers:
            - type: redis
              metadata:
                address: "%s"
                listName: %s
                listLength: "1"
        """
        .formatted(name, ns, name, min, max, address, list);
  }
}
