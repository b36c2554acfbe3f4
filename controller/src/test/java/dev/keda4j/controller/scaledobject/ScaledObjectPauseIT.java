package dev.keda4j.controller.scaledobject;

import static dev.keda4j.controller.scaledobject.SoKube.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.keda4j.api.v1alpha1.Condition;
import dev.keda4j.api.v1alpha1.KedaApi;
import dev.keda4j.controller.k8s.StatusPatcher;
import dev.keda4j.controller.metrics.KedaMetrics;
import dev.keda4j.controller.metrics.RecordingKedaMetrics;
import dev.keda4j.controller.scaledobject.status.Conditions;
import dev.keda4j.controller.scaling.PollScheduler;
import dev.keda4j.controller.scaling.ScalerCache;
import dev.keda4j.scalers.spi.ScalerRegistry;
import dev.keda4j.scalers.spi.ScalerRuntime;
import dev.keda4j.testkit.kube.KubeApi;
import dev.keda4j.testkit.sources.RedisFixture;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
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
 * Pausing (scaledobject.md §8) against the API fixture and the real Redis: {@code paused-replicas}
 * holds the target at its count across loop ticks and puts it back after a manual change; {@code
 * paused} deletes the HPA and freezes the replicas; unpausing brings the HPA and normal scaling
 * back and clears {@code pausedReplicaCount}; a bad value is Ready=False naming the annotation with
 * no scale change; a deleted ScaledObject drops all its metric series.
 */
class ScaledObjectPauseIT {
  @RegisterExtension static final KubeApi KUBE = KubeApi.create();
  @RegisterExtension static final RedisFixture REDIS = new RedisFixture();

  private static final String PAUSED = "autoscaling.keda.sh/paused";
  private static final String PAUSED_REPLICAS = "autoscaling.keda.sh/paused-replicas";

  private static Vertx vertx;
  private static ExecutorService blocking;

  private ScalerRuntime runtime;
  private ScalerCache cache;
  private PollScheduler scheduler;
  private ScaledObjectOperator operator;
  private final List<String> keys = new ArrayList<>();
  private final RecordingKedaMetrics metrics = new RecordingKedaMetrics();
  private String ns;
  private SoKube kube;

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
    ns = KUBE.createNamespace("pause");
    kube = new SoKube(KUBE, ns);
    runtime = new ScalerRuntime(vertx, blocking);
    cache = new ScalerCache(ScalerRegistry.load(), runtime);
    scheduler = new PollScheduler(2, "so-pause-it");
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
  void pausedReplicasHoldsTheTargetPutsItBackAndUnpausingResumesScaling() throws Exception {
    String name = SoKube.unique("held");
    String list = list();
    REDIS.call("RPUSH", list, "a", "b");
    kube.deployment(name, 0);
    KUBE.apply(scaledObject(name, list, PAUSED_REPLICAS + ": \"3\""));

    await(Duration.ofSeconds(15), () -> kube.replicas(name) == 3);
    await(
        Duration.ofSeconds(15),
        () -> Integer.valueOf(3).equals(kube.status(name).getPausedReplicaCount()));
    Condition paused = Conditions.find(kube.conditions(name), "Paused").orElseThrow();
    assertThat(paused.getStatus()).isEqualTo("True");
    assertThat(paused.getReason()).isEqualTo("ScaledObjectPaused");
    assertThat(paused.getMessage()).isEqualTo("ScaledObject is paused");
    Condition ready = Conditions.find(kube.conditions(name), "Ready").orElseThrow();
    assertThat(ready.getStatus()).isEqualTo("True");
    assertThat(ready.getMessage()).isEqualTo("ScaledObject is paused");
    assertThat(kube.hpa("keda-hpa-" + name)).isNull();
    assertThat(kube.eventMessages(name, "ScaledObjectPaused"))
        .containsExactly("ScaledObject is paused");

    // several polling intervals (1 s) with items queued: nothing moves, nothing is written
    KUBE.stats().reset();
    Thread.sleep(3500);
    assertThat(kube.replicas(name)).isEqualTo(3);
    assertThat(KUBE.stats().writes()).as(KUBE.stats().toString()).isZero();

    // someone scales the Deployment by hand: put back to the paused count
    scaleDeployment(name, 6);
    assertThat(kube.replicas(name)).isEqualTo(6);
    await(Duration.ofSeconds(15), () -> kube.replicas(name) == 3);

    // another count: the target follows
    annotate(name, PAUSED_REPLICAS, "2");
    await(Duration.ofSeconds(15), () -> kube.replicas(name) == 2);
    await(
        Duration.ofSeconds(15),
        () -> Integer.valueOf(2).equals(kube.status(name).getPausedReplicaCount()));

    // unpause: HPA back, pausedReplicaCount cleared, the loop scales to 0 once the list is empty
    annotate(name, PAUSED_REPLICAS, null);
    await(Duration.ofSeconds(15), () -> kube.hpa("keda-hpa-" + name) != null);
    await(
        Duration.ofSeconds(15),
        () ->
            Conditions.find(kube.conditions(name), "Paused")
                .map(c -> "ScaledObjectUnpaused".equals(c.getReason()))
                .orElse(false));
    assertThat(kube.status(name).getPausedReplicaCount()).isNull();
    assertThat(kube.eventMessages(name, "ScaledObjectUnpaused"))
        .containsExactly("pause annotation removed for ScaledObject");
    REDIS.call("DEL", list);
    await(Duration.ofSeconds(20), () -> kube.replicas(name) == 0);
  }

  @Test
  void pausedDeletesTheHpaFreezesReplicasAndUnpauseRecreatesIt() throws Exception {
    String name = SoKube.unique("frozen");
    String list = list();
    REDIS.call("RPUSH", list, "a");
    kube.deployment(name, 0);
    KUBE.apply(scaledObject(name, list, ""));
    await(Duration.ofSeconds(15), () -> kube.replicas(name) == 1);
    await(Duration.ofSeconds(15), () -> kube.hpa("keda-hpa-" + name) != null);

    annotate(name, PAUSED, "true");
    await(Duration.ofSeconds(15), () -> kube.hpa("keda-hpa-" + name) == null);
    await(Duration.ofSeconds(15), () -> Conditions.isTrue(kube.conditions(name), "Paused"));
    assertThat(kube.status(name).getPausedReplicaCount()).isNull();
    // the list drains and cooldown (2 s) passes: a stopped loop does not scale to zero
    REDIS.call("DEL", list);
    Thread.sleep(4000);
    assertThat(kube.replicas(name)).isEqualTo(1);
    assertThat(kube.hpa("keda-hpa-" + name)).isNull();

    annotate(name, PAUSED, null);
    await(Duration.ofSeconds(15), () -> kube.hpa("keda-hpa-" + name) != null);
    V2HorizontalPodAutoscaler h = kube.hpa("keda-hpa-" + name);
    assertThat(h.getSpec().getMaxReplicas()).isEqualTo(4);
    await(Duration.ofSeconds(20), () -> kube.replicas(name) == 0);
    assertThat(Conditions.find(kube.conditions(name), "Paused").orElseThrow().getStatus())
        .isEqualTo("False");
  }

  @Test
  void aBadPausedReplicasValueIsReadyFalseNamingTheAnnotationAndScalesNothing() throws Exception {
    String name = SoKube.unique("bad");
    String list = list();
    REDIS.call("RPUSH", list, "a", "b");
    kube.deployment(name, 2);
    KUBE.apply(scaledObject(name, list, PAUSED_REPLICAS + ": \"abc\""));

    await(Duration.ofSeconds(15), () -> "False".equals(readyStatus(name)));
    Condition ready = Conditions.find(kube.conditions(name), "Ready").orElseThrow();
    assertThat(ready.getReason()).isEqualTo("ScaledObjectCheckFailed");
    assertThat(ready.getMessage()).contains(PAUSED_REPLICAS).contains("\"abc\"");
    assertThat(kube.eventMessages(name, "ScaledObjectCheckFailed"))
        .anySatisfy(m -> assertThat(m).contains(PAUSED_REPLICAS));
    Thread.sleep(2500);
    assertThat(kube.replicas(name)).isEqualTo(2);
    assertThat(kube.status(name).getPausedReplicaCount()).isNull();

    annotate(name, PAUSED_REPLICAS, "-1");
    await(
        Duration.ofSeconds(15),
        () ->
            Conditions.find(kube.conditions(name), "Ready")
                .map(c -> c.getMessage() != null && c.getMessage().contains("must not be negative"))
                .orElse(false));
    assertThat(readyStatus(name)).isEqualTo("False");
    Thread.sleep(1500);
    assertThat(kube.replicas(name)).isEqualTo(2);

    // fixed: paused at 1, Ready back to True
    annotate(name, PAUSED_REPLICAS, "1");
    await(Duration.ofSeconds(15), () -> kube.replicas(name) == 1);
    await(Duration.ofSeconds(15), () -> "True".equals(readyStatus(name)));
  }

  @Test
  void aDeletedScaledObjectDropsAllItsMetricSeries() throws Exception {
    String name = SoKube.unique("gone");
    kube.deployment(name, 1);
    KUBE.apply(scaledObject(name, list(), PAUSED + ": \"true\""));
    await(Duration.ofSeconds(15), () -> Conditions.isTrue(kube.conditions(name), "Paused"));

    KUBE.raw("DELETE", "/apis/keda.sh/v1alpha1/namespaces/" + ns + "/scaledobjects/" + name, null);
    await(
        Duration.ofSeconds(15),
        () -> metrics.wasDeleted(KedaMetrics.ResourceType.SCALED_OBJECT, ns, name));
  }

  // --- fixtures

  private String list() {
    String key = REDIS.key();
    keys.add(key);
    return key;
  }

  private String readyStatus(String name) {
    return Conditions.find(kube.conditions(name), "Ready").map(Condition::getStatus).orElse("");
  }

  private String scaledObject(String name, String list, String annotation) {
    return """
        apiVersion: keda.sh/v1alpha1
        kind: ScaledObject
        metadata:
          name: %s
          namespace: %s
          annotations: {%s}
        spec:
          scaleTargetRef: {name: %s}
          pollingInterval: 1
          cooldownPeriod: 2
          minReplicaCount: 0
          maxReplicaCount: 4
          triggers:
            - type: redis
              metadata:
                address: "%s"
                listName: %s
                listLength: "1"
        """
        .formatted(name, ns, annotation, name, REDIS.host() + ":" + REDIS.port(), list);
  }

  /** A merge patch of one annotation (null removes it), as {@code kubectl annotate} does. */
  private void annotate(String name, String key, String value) {
    JsonObject annotations = new JsonObject();
    annotations.add(key, value == null ? JsonNull.INSTANCE : new JsonPrimitive(value));
    JsonObject meta = new JsonObject();
    meta.add("annotations", annotations);
    JsonObject body = new JsonObject();
    body.add("metadata", meta);
    new StatusPatcher(KUBE.apiClient())
        .patchObject(KedaApi.GROUP, KedaApi.VERSION, KedaApi.SCALED_OBJECTS, ns, name, body);
  }

  private void scaleDeployment(String name, int replicas) {
    KubeApi.RawResponse r =
        KUBE.raw(
            "PATCH",
            "/apis/apps/v1/namespaces/" + ns + "/deployments/" + name + "/scale",
            "{\"spec\":{\"replicas\":" + replicas + "}}",
            "application/merge-patch+json");
    assertThat(r.code()).isEqualTo(200);
  }
}
