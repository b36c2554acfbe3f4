package dev.keda4j.controller.scaledobject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keda4j.api.manifest.Manifests;
import dev.keda4j.api.v1alpha1.ScaleTarget;
import dev.keda4j.api.v1alpha1.ScaledObject;
import dev.keda4j.controller.scaling.ScalerCache;
import dev.keda4j.scalers.spi.ScalerRegistry;
import dev.keda4j.scalers.spi.ScalerRuntime;
import dev.keda4j.testkit.kube.KubeApi;
import dev.keda4j.testkit.sources.RedisFixture;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Generic {@code /scale} (scaledobject.md §3.1, §3.7): kinds resolved through API discovery, a
 * custom resource scaled through its {@code /scale} subresource (also by a scale loop tick with
 * real Redis items), and a kind without {@code /scale} rejected with a typed error naming the kind.
 */
class ScaleTargetClientIT {
  @RegisterExtension static final KubeApi KUBE = KubeApi.create();
  @RegisterExtension static final RedisFixture REDIS = new RedisFixture();

  private static Vertx vertx;
  private static ExecutorService blocking;

  @BeforeAll
  static void setUp() {
    vertx = Vertx.vertx();
    blocking = Executors.newFixedThreadPool(2);
    KUBE.apply(crd("widgets", "Widget", true));
    KUBE.apply(crd("gizmos", "Gizmo", false));
  }

  @AfterAll
  static void tearDown() throws Exception {
    blocking.shutdownNow();
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static String crd(String plural, String kind, boolean scale) {
    return """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: %s.example.com}
        spec:
          group: example.com
          scope: Namespaced
          names: {plural: %s, singular: %s, kind: %s}
          versions:
          - name: v1
            served: true
            storage: true
            subresources: %s
            schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}
        """
        .formatted(
            plural,
            plural,
            kind.toLowerCase(java.util.Locale.ROOT),
            kind,
            scale
                ? "{status: {}, scale: {specReplicasPath: .spec.replicas, statusReplicasPath:"
                    + " .status.replicas, labelSelectorPath: .status.selector}}"
                : "{status: {}}");
  }

  private static ScaleTarget ref(String apiVersion, String kind, String name) {
    return new ScaleTarget().apiVersion(apiVersion).kind(kind).name(name);
  }

  private int widgetReplicas(String name) {
    JsonObject w =
        KUBE.raw(
                "GET",
                "/apis/example.com/v1/namespaces/" + KUBE.namespace() + "/widgets/" + name,
                null)
            .json();
    return w.getJsonObject("spec").getInteger("replicas");
  }

  @Test
  void aCustomResourceIsResolvedThroughDiscoveryAndScaledThroughItsScaleSubresource() {
    KUBE.apply(
        "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w1}\nspec: {replicas: 2}\n");
    ScaleTargetClient client = new ScaleTargetClient(KUBE.apiClient());
    ScaleTargetClient.Target t =
        client.resolveTarget(ref("example.com/v1", "Widget", "w1"), KUBE.namespace());
    assertThat(t.gvkr().getResource()).isEqualTo("widgets");
    assertThat(t.kindString()).isEqualTo("example.com/v1.Widget");
    assertThat(client.specReplicas(t)).contains(2);
    client.setReplicas(t, 5);
    assertThat(widgetReplicas("w1")).isEqualTo(5);
    assertThat(client.specReplicas(t)).contains(5);
    assertThat(client.template(t)).isNull();
    ScaleTargetClient.Target missing =
        client.resolveTarget(ref("example.com/v1", "Widget", "nope"), KUBE.namespace());
    assertThat(client.specReplicas(missing)).isEmpty();
  }

  @Test
  void deploymentsAndStatefulSetsStillResolveWithoutDiscovery() {
    KUBE.apply(
        """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db}
        spec:
          replicas: 3
          serviceName: db
          selector: {matchLabels: {app: db}}
          template:
            metadata: {labels: {app: db}}
            spec: {containers: [{name: db, image: postgres}]}
        """);
    ScaleTargetClient client = new ScaleTargetClient(KUBE.apiClient());
    ScaleTargetClient.Target t =
        client.resolveTarget(ref("apps/v1", "StatefulSet", "db"), KUBE.namespace());
    assertThat(t.gvkr().getResource()).isEqualTo("statefulsets");
    assertThat(client.specReplicas(t)).contains(3);
    client.setReplicas(t, 1);
    assertThat(client.specReplicas(t)).contains(1);
    assertThat(client.template(t).getSpec().getContainers()).hasSize(1);
    assertThat(client.resolveTarget(new ScaleTarget().name("web"), KUBE.namespace()).kindString())
        .isEqualTo("apps/v1.Deployment");
  }

  @Test
  void aKindWithoutScaleOrUnknownIsATypedErrorNamingTheKind() {
    ScaleTargetClient client = new ScaleTargetClient(KUBE.apiClient());
    assertThatThrownBy(
            () -> client.resolveTarget(ref("example.com/v1", "Gizmo", "g"), KUBE.namespace()))
        .isInstanceOf(TargetNotScalableException.class)
        .hasMessageContaining("Gizmo")
        .hasMessageContaining("doesn't expose /scale subresource")
        .satisfies(e -> assertThat(((TargetNotScalableException) e).kind()).isEqualTo("Gizmo"));
    assertThatThrownBy(
            () -> client.resolveTarget(ref("example.com/v1", "Sprocket", "s"), KUBE.namespace()))
        .isInstanceOf(TargetNotScalableException.class)
        .hasMessageContaining("Sprocket");
    assertThatThrownBy(
            () -> client.resolveTarget(ref("nothere.io/v9", "Thing", "t"), KUBE.namespace()))
        .isInstanceOf(TargetNotScalableException.class)
        .hasMessageContaining("Thing");
  }

  @Test
  void aScaleLoopTickActivatesACustomResourceFromZero() throws Exception {
    String list = REDIS.key();
    REDIS.call("RPUSH", list, "a", "b");
    String name = "wloop";
    KUBE.apply(
        "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: "
            + name
            + "}\nspec: {replicas: 0}\n");
    ScaledObject so =
        Manifests.toModel(
            Manifests.parse(
                    """
                    apiVersion: keda.sh/v1alpha1
                    kind: ScaledObject
                    metadata: {name: %s, namespace: %s}
                    spec:
                      scaleTargetRef: {apiVersion: example.com/v1, kind: Widget, name: %s}
                      minReplicaCount: 0
                      triggers:
                        - type: redis
                          metadata: {address: "%s", listName: %s, listLength: "1"}
                    """
                        .formatted(name, KUBE.namespace(), name, REDIS.address(), list))
                .get(0),
            ScaledObject.class);
    ScalerRuntime runtime = new ScalerRuntime(vertx, blocking);
    try (ScalerCache cache = new ScalerCache(ScalerRegistry.load(), runtime)) {
      ScaledObjectServices services =
          ScaledObjectOperator.services(
              KUBE.apiClient(), cache, Clock.systemUTC(), "keda", "2.17.0", Duration.ofSeconds(5));
      ScaleTargetClient.Target target =
          services.targets().resolveTarget(so.getSpec().getScaleTargetRef(), KUBE.namespace());
      String key = "ScaledObject " + KUBE.namespace() + "/" + name;
      cache.scalers(
          key,
          services
              .resolver()
              .resolve(so, services.resolver().envSource(so, services.targets().template(target))));
      new ScaleLoop(key, () -> so, target, List.of("s0-redis-" + list), services).tick();
      assertThat(widgetReplicas(name)).isEqualTo(1);
    } finally {
      runtime.close();
      REDIS.call("DEL", list);
    }
  }
}
