package dev.keda4j.controller.scaledobject;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keda4j.api.v1alpha1.Condition;
import dev.keda4j.api.v1alpha1.KedaApi;
import dev.keda4j.api.v1alpha1.ScaledObject;
import dev.keda4j.api.v1alpha1.ScaledObjectList;
import dev.keda4j.controller.scaledobject.status.Conditions;
import dev.keda4j.controller.scaling.PollScheduler;
import dev.keda4j.controller.scaling.ScalerCache;
import dev.keda4j.scalers.spi.ScalerRegistry;
import dev.keda4j.scalers.spi.ScalerRuntime;
import dev.keda4j.testkit.kube.KubeApi;
import dev.keda4j.testkit.sources.RedisFixture;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.AppsV1Api;
import io.kubernetes.client.openapi.apis.AutoscalingV2Api;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.util.generic.GenericKubernetesApi;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bad input, all at once in one namespace next to a good ScaledObject: each bad one gets
 * Ready=False and a Warning event naming the field or object at fault, no HPA and no scale change
 * (its list holds items that would activate it); the good one is activated all the same; no secret
 * value appears in any condition or event.
 */
class ScaledObjectBadInputIT {
  @RegisterExtension static final KubeApi KUBE = KubeApi.create();
  @RegisterExtension static final RedisFixture REDIS = new RedisFixture();

  private static final String CANARY = "canary-" + UUID.randomUUID();

  private static Vertx vertx;
  private static ExecutorService blocking;
  private static ScalerRuntime runtime;
  private static ScalerCache cache;
  private static PollScheduler scheduler;
  private static ScaledObjectOperator operator;
  private static String ns;
  private static String list;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    blocking = Executors.newFixedThreadPool(2);
    ns = KUBE.namespace();
    runtime = new ScalerRuntime(vertx, blocking);
    cache = new ScalerCache(ScalerRegistry.load(), runtime);
    scheduler = new PollScheduler(2, "so-bad-it");
    list = REDIS.key();
    REDIS.call("RPUSH", list, "a", "b", "c");
    KUBE.apply(
        """
        apiVersion: v1
        kind: Secret
        metadata: {name: creds}
        stringData: {password: %s}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: not-scalable}
        data: {a: b}
        ---
        apiVersion: keda.sh/v1alpha1
        kind: TriggerAuthentication
        metadata: {name: ta-missing-secret}
        spec:
          secretTargetRef:
            - {parameter: password, name: no-such-secret, key: password}
        ---
        apiVersion: keda.sh/v1alpha1
        kind: TriggerAuthentication
        metadata: {name: ta-missing-key}
        spec:
          secretTargetRef:
            - {parameter: password, name: creds, key: no-such-key}
        """
            .formatted(CANARY));
    for (String d :
        List.of("good", "badmeta", "noauth", "nosecret", "nokey", "notscalable-web", "bounds")) {
      deployment(d);
    }
    ScaledObjectServices services =
        ScaledObjectOperator.services(
            KUBE.apiClient(), cache, Clock.systemUTC(), "keda", "2.17.0", Duration.ofSeconds(5));
    operator =
        ScaledObjectOperator.start(
            KUBE.apiClient(), ns, services, scheduler, Duration.ofSeconds(2));
    KUBE.apply(
        String.join(
            "---\n",
            so("good", "{name: good}", true, ""),
            so("badmeta", "{name: badmeta}", false, ""),
            so("noauth", "{name: noauth}", true, "no-such-auth"),
            so("nosecret", "{name: nosecret}", true, "ta-missing-secret"),
            so("nokey", "{name: nokey}", true, "ta-missing-key"),
            so("notarget", "{name: no-such-deployment}", true, ""),
            so("notscalable", "{apiVersion: v1, kind: ConfigMap, name: not-scalable}", true, "")));
  }

  @AfterAll
  static void stop() throws Exception {
    operator.close();
    scheduler.close();
    cache.close();
    runtime.close();
    blocking.shutdownNow();
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void theGoodOneIsActivatedDespiteItsNeighbours() throws Exception {
    await(Duration.ofSeconds(30), () -> replicas("good") == 1);
    assertThat(ready("good").getStatus()).isEqualTo("True");
  }

  @Test
  void invalidTriggerMetadataNamesTheTrigger() throws Exception {
    assertRefused("badmeta", "badmeta", "spec.triggers[0]", "listName");
  }

  @Test
  void aMissingTriggerAuthenticationIsNamed() throws Exception {
    assertRefused("noauth", "noauth", "no-such-auth");
  }

  @Test
  void aMissingSecretIsNamed() throws Exception {
    assertRefused("nosecret", "nosecret", "no-such-secret");
  }

  @Test
  void aMissingSecretKeyIsNamed() throws Exception {
    assertRefused("nokey", "nokey", "no-such-key");
  }

  @Test
  void aMissingTargetIsNamed() throws Exception {
    assertRefused("notarget", null, "spec.scaleTargetRef", "no-such-deployment", "not found");
    assertThat(eventMessages("notarget", "ScaledObjectCheckFailed"))
        .contains("Target resource doesn't exist");
  }

  @Test
  void aTargetKindWithoutScaleIsNamed() throws Exception {
    assertRefused("notscalable", null, "spec.scaleTargetRef", "ConfigMap");
  }

  private void assertRefused(String name, String deployment, String... mustContain)
      throws Exception {
    await(
        Duration.ofSeconds(30),
        () -> "False".equals(ready(name).getStatus()) && !eventsOf(name).isEmpty());
    Condition ready = ready(name);
    assertThat(ready.getReason()).isEqualTo("ScaledObjectCheckFailed");
    assertThat(ready.getMessage()).contains(mustContain);
    assertThat(warningMessages(name)).anySatisfy(m -> assertThat(m).contains(mustContain[0]));
    // items are queued, but nothing was scaled and no HPA exists
    Thread.sleep(1500);
    if (deployment != null) {
      assertThat(replicas(deployment)).isZero();
    }
    assertThat(hpaExists(name)).isFalse();
    // no secret value anywhere the user can read
    assertThat(ready.getMessage()).doesNotContain(CANARY);
    assertThat(eventsOf(name)).allSatisfy(m -> assertThat(m).doesNotContain(CANARY));
  }

  // --- fixtures

  private static String so(String name, String target, boolean withList, String auth) {
    return """
        apiVersion: keda.sh/v1alpha1
        kind: ScaledObject
        metadata: {name: %s}
        spec:
          scaleTargetRef: %s
          pollingInterval: 1
          cooldownPeriod: 60
          minReplicaCount: 0
          maxReplicaCount: 3
          triggers:
            - {type: redis, metadata: {address: "%s", listLength: "1"%s}%s}
        """
        .formatted(
            name,
            target,
            REDIS.address(),
            withList ? ", listName: " + list : "",
            auth.isEmpty() ? "" : ", authenticationRef: {name: " + auth + "}");
  }

  private static void deployment(String name) {
    KUBE.apply(
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: %s}
        spec:
          replicas: 0
          selector: {matchLabels: {app: %s}}
          template:
            metadata: {labels: {app: %s}}
            spec:
              containers:
              - name: app
                image: nginx
        """
            .formatted(name, name, name));
  }

  private static int replicas(String name) {
    try {
      Integer r =
          new AppsV1Api(KUBE.apiClient())
              .readNamespacedDeploymentScale(name, ns)
              .execute()
              .getSpec()
              .getReplicas();
      return r == null ? 0 : r;
    } catch (ApiException e) {
      throw new IllegalStateException("reading scale failed: HTTP " + e.getCode(), e);
    }
  }

  private static boolean hpaExists(String so) {
    try {
      new AutoscalingV2Api(KUBE.apiClient())
          .readNamespacedHorizontalPodAutoscaler("keda-hpa-" + so, ns)
          .execute();
      return true;
    } catch (ApiException e) {
      if (e.getCode() == 404) {
        return false;
      }
      throw new IllegalStateException("reading HPA failed: HTTP " + e.getCode(), e);
    }
  }

  private static Condition ready(String name) {
    try {
      ScaledObject so =
          new GenericKubernetesApi<>(
                  ScaledObject.class,
                  ScaledObjectList.class,
                  KedaApi.GROUP,
                  KedaApi.VERSION,
                  KedaApi.SCALED_OBJECTS,
                  KUBE.apiClient())
              .get(ns, name)
              .throwsApiException()
              .getObject();
      return Conditions.find(
              so.getStatus() == null ? null : so.getStatus().getConditions(), "Ready")
          .orElse(new Condition().type("Ready").status("Unknown"));
    } catch (ApiException e) {
      throw new IllegalStateException("reading " + name + " failed: HTTP " + e.getCode(), e);
    }
  }

  private static List<CoreV1Event> events(String name) {
    try {
      List<CoreV1Event> out = new ArrayList<>();
      for (CoreV1Event e :
          new CoreV1Api(KUBE.apiClient()).listNamespacedEvent(ns).execute().getItems()) {
        if (name.equals(e.getInvolvedObject().getName())
            && "ScaledObject".equals(e.getInvolvedObject().getKind())) {
          out.add(e);
        }
      }
      return out;
    } catch (ApiException e) {
      throw new IllegalStateException("listing events failed: HTTP " + e.getCode(), e);
    }
  }

  private static List<String> eventsOf(String name) {
    return events(name).stream().map(CoreV1Event::getMessage).toList();
  }

  private static List<String> warningMessages(String name) {
    return events(name).stream()
        .filter(e -> "Warning".equals(e.getType()))
        .map(CoreV1Event::getMessage)
        .toList();
  }

  private static List<String> eventMessages(String name, String reason) {
    return events(name).stream()
        .filter(e -> reason.equals(e.getReason()))
        .map(CoreV1Event::getMessage)
        .toList();
  }

  private static void await(Duration timeout, BooleanSupplier done) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + timeout);
      }
      Thread.sleep(200);
    }
  }
}
