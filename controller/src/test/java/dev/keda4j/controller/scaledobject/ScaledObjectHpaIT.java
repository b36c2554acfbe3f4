package dev.keda4j.controller.scaledobject;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keda4j.api.v1alpha1.Condition;
import dev.keda4j.api.v1alpha1.KedaApi;
import dev.keda4j.controller.scaledobject.status.Conditions;
import dev.keda4j.controller.scaling.PollScheduler;
import dev.keda4j.controller.scaling.ScalerCache;
import dev.keda4j.scalers.spi.ScalerRegistry;
import dev.keda4j.scalers.spi.ScalerRuntime;
import dev.keda4j.testkit.kube.KubeApi;
import dev.keda4j.testkit.sources.RedisFixture;
import io.kubernetes.client.openapi.apis.AutoscalingV2Api;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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
 * HPA ownership against the API fixture and the real Redis: a foreign HPA or a second ScaledObject
 * on the same target is refused (Ready=False naming it, Warning event, the HPA untouched, no
 * scaling); the transfer annotation adopts a named HPA; an owned HPA edited or deleted by someone
 * else is put back; directional pause disables one direction of the HPA and sets Paused.
 */
class ScaledObjectHpaIT {
  @RegisterExtension static final KubeApi KUBE = KubeApi.create();
  @RegisterExtension static final RedisFixture REDIS = new RedisFixture();

  private static Vertx vertx;
  private static ExecutorService blocking;

  private ScalerRuntime runtime;
  private ScalerCache cache;
  private PollScheduler scheduler;
  private ScaledObjectOperator operator;
  private final List<String> keys = new ArrayList<>();
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
    ns = KUBE.createNamespace("hpa");
    k = new SoKube(KUBE, ns);
    runtime = new ScalerRuntime(vertx, blocking);
    cache = new ScalerCache(ScalerRegistry.load(), runtime);
    scheduler = new PollScheduler(2, "so-hpa-it");
    ScaledObjectServices services =
        ScaledObjectOperator.services(
            KUBE.apiClient(), cache, Clock.systemUTC(), "keda", "2.17.0", Duration.ofSeconds(5));
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
  void aForeignHpaOnTheTargetIsRefusedLeftAloneAndNothingScales() throws Exception {
    String name = unique("foreign");
    String list = list();
    REDIS.call("RPUSH", list, "a", "b");
    k.deployment(name, 0);
    foreignHpa("their-hpa", name);
    String rv = k.hpa("their-hpa").getMetadata().getResourceVersion();
    KUBE.apply(scaledObject(name, list, "", new String[0]));

    SoKube.await(Duration.ofSeconds(15), () -> readyStatus(name).equals("False"));
    Condition ready = Conditions.find(k.conditions(name), "Ready").orElseThrow();
    assertThat(ready.getReason()).isEqualTo("ScaledObjectCheckFailed");
    assertThat(ready.getMessage())
        .contains("their-hpa")
        .contains("'" + name + "'")
        .contains("scaledobject.keda.sh/transfer-hpa-ownership");
    assertThat(k.eventMessages(name, "ScaledObjectCheckFailed"))
        .anySatisfy(m -> assertThat(m).contains("their-hpa"));
    Thread.sleep(2500);
    assertThat(k.hpa("keda-hpa-" + name)).isNull();
    assertThat(k.hpa("their-hpa").getMetadata().getResourceVersion()).isEqualTo(rv);
    assertThat(k.hpa("their-hpa").getMetadata().getOwnerReferences()).isNullOrEmpty();
    assertThat(k.replicas(name)).isZero();

    // the foreign HPA goes away: the ScaledObject takes over without any change of its own
    new AutoscalingV2Api(KUBE.apiClient())
        .deleteNamespacedHorizontalPodAutoscaler("their-hpa", ns)
        .execute();
    SoKube.await(Duration.ofSeconds(15), () -> readyStatus(name).equals("True"));
    SoKube.await(Duration.ofSeconds(15), () -> k.hpa("keda-hpa-" + name) != null);
    SoKube.await(Duration.ofSeconds(15), () -> k.replicas(name) == 1);
  }

  @Test
  void theTransferAnnotationAdoptsTheHpaItNames() throws Exception {
    String name = unique("adopt");
    k.deployment(name, 1);
    foreignHpa("legacy-" + name, name);
    KUBE.apply(
        scaledObject(
            name,
            list(),
            """
            advanced:
                horizontalPodAutoscalerConfig: {name: legacy-%s}
            """
                .formatted(name),
            "scaledobject.keda.sh/transfer-hpa-ownership: \"true\""));
    SoKube.await(Duration.ofSeconds(15), () -> readyStatus(name).equals("True"));
    SoKube.await(
        Duration.ofSeconds(15), () -> HpaOwnershipTest.owner(k.hpa("legacy-" + name)).equals(name));
    V2HorizontalPodAutoscaler adopted = k.hpa("legacy-" + name);
    assertThat(adopted.getSpec().getMetrics())
        .singleElement()
        .satisfies(m -> assertThat(m.getType()).isEqualTo("External"));
    assertThat(adopted.getSpec().getMaxReplicas()).isEqualTo(4);
    assertThat(k.read(name).getStatus().getHpaName()).isEqualTo("legacy-" + name);
  }

  @Test
  void aSecondScaledObjectOnTheSameTargetIsRefusedNamingTheFirst() throws Exception {
    String target = unique("shared");
    k.deployment(target, 1);
    String first = "a-" + target;
    String second = "b-" + target;
    KUBE.apply(scaledObjectOn(first, target, list(), ""));
    SoKube.await(Duration.ofSeconds(15), () -> readyStatus(first).equals("True"));
    KUBE.apply(scaledObjectOn(second, target, list(), ""));
    SoKube.await(Duration.ofSeconds(15), () -> readyStatus(second).equals("False"));
    assertThat(Conditions.find(k.conditions(second), "Ready").orElseThrow().getMessage())
        .contains("already managed by the ScaledObject '" + first + "'");
    assertThat(k.eventMessages(second, "ScaledObjectCheckFailed"))
        .anySatisfy(m -> assertThat(m).contains(first));
    Thread.sleep(1500);
    assertThat(k.hpa("keda-hpa-" + second)).isNull();
    assertThat(readyStatus(first)).isEqualTo("True");
  }

  @Test
  void anOwnedHpaEditedOrDeletedBySomeoneElseIsPutBack() throws Exception {
    String name = unique("own");
    k.deployment(name, 1);
    KUBE.apply(scaledObject(name, list(), "", new String[0]));
    SoKube.await(Duration.ofSeconds(15), () -> k.hpa("keda-hpa-" + name) != null);
    AutoscalingV2Api api = new AutoscalingV2Api(KUBE.apiClient());

    V2HorizontalPodAutoscaler edited = k.hpa("keda-hpa-" + name);
    edited.getSpec().setMaxReplicas(50);
    api.replaceNamespacedHorizontalPodAutoscaler("keda-hpa-" + name, ns, edited).execute();
    SoKube.await(
        Duration.ofSeconds(15), () -> k.hpa("keda-hpa-" + name).getSpec().getMaxReplicas() == 4);

    api.deleteNamespacedHorizontalPodAutoscaler("keda-hpa-" + name, ns).execute();
    SoKube.await(Duration.ofSeconds(15), () -> k.hpa("keda-hpa-" + name) != null);
    assertThat(k.hpa("keda-hpa-" + name).getSpec().getMaxReplicas()).isEqualTo(4);
  }

  @Test
  void directionalPauseDisablesThatDirectionAndSetsPaused() throws Exception {
    String name = unique("dir");
    k.deployment(name, 1);
    KUBE.apply(scaledObject(name, list(), "", "autoscaling.keda.sh/paused-scale-in: \"true\""));
    SoKube.await(
        Duration.ofSeconds(15),
        () -> {
          V2HorizontalPodAutoscaler h = k.hpa("keda-hpa-" + name);
          return h != null
              && h.getSpec().getBehavior() != null
              && "Disabled".equals(h.getSpec().getBehavior().getScaleDown().getSelectPolicy());
        });
    assertThat(k.hpa("keda-hpa-" + name).getSpec().getBehavior().getScaleUp()).isNull();
    SoKube.await(Duration.ofSeconds(15), () -> Conditions.isTrue(k.conditions(name), "Paused"));
    assertThat(Conditions.find(k.conditions(name), "Paused").orElseThrow().getReason())
        .isEqualTo("ScaledObjectPaused");
    assertThat(readyStatus(name)).isEqualTo("True");

    // a merge patch, as kubectl annotate does (a PUT of the fixture would also drop the status)
    com.google.gson.JsonObject annotations = new com.google.gson.JsonObject();
    annotations.add("autoscaling.keda.sh/paused-scale-in", com.google.gson.JsonNull.INSTANCE);
    com.google.gson.JsonObject meta = new com.google.gson.JsonObject();
    meta.add("annotations", annotations);
    com.google.gson.JsonObject body = new com.google.gson.JsonObject();
    body.add("metadata", meta);
    new dev.keda4j.controller.k8s.StatusPatcher(KUBE.apiClient())
        .patchObject(KedaApi.GROUP, KedaApi.VERSION, KedaApi.SCALED_OBJECTS, ns, name, body);
    SoKube.await(
        Duration.ofSeconds(15), () -> k.hpa("keda-hpa-" + name).getSpec().getBehavior() == null);
    SoKube.await(
        Duration.ofSeconds(15),
        () ->
            Conditions.find(k.conditions(name), "Paused")
                .map(c -> "ScaledObjectUnpaused".equals(c.getReason()))
                .orElse(false));
  }

  // --- fixtures

  private String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private String list() {
    String k = "hpa-it-" + UUID.randomUUID();
    keys.add(k);
    return k;
  }

  private void foreignHpa(String hpaName, String target) {
    KUBE.apply(
        """
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: %s, namespace: %s}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: %s}
          minReplicas: 1
          maxReplicas: 3
          metrics:
            - type: Resource
              resource: {name: cpu, target: {type: Utilization, averageUtilization: 50}}
        """
            .formatted(hpaName, ns, target));
  }

  private String scaledObject(String name, String list, String advanced, String... annotations) {
    return scaledObjectOn(name, name, list, advanced, annotations);
  }

  private String scaledObjectOn(
      String name, String target, String list, String advanced, String... annotations) {
    StringBuilder a = new StringBuilder("  annotations:");
    boolean any = false;
    for (String s : annotations) {
      if (!s.isEmpty()) {
        a.append("\n    ").append(s);
        any = true;
      }
    }
    return """
        apiVersion: keda.sh/v1alpha1
        kind: ScaledObject
        metadata:
          name: %s
          namespace: %s
        %s
        spec:
          scaleTargetRef: {name: %s}
          pollingInterval: 1
          cooldownPeriod: 60
          minReplicaCount: 0
          maxReplicaCount: 4
          %s
          triggers:
            - type: redis
              metadata:
                address: "%s"
                listName: %s
                listLength: "1"
        """
        .formatted(
            name,
            ns,
            any ? a.toString() : "  annotations: {}",
            target,
            advanced.strip(),
            REDIS.host() + ":" + REDIS.port(),
            list);
  }

  private String readyStatus(String name) {
    return Conditions.find(k.conditions(name), "Ready").map(Condition::getStatus).orElse("");
  }
}
