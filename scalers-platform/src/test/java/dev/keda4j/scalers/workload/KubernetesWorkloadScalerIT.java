package dev.keda4j.scalers.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keda4j.scalers.config.ConfigException;
import dev.keda4j.scalers.spi.MetricValue;
import dev.keda4j.scalers.spi.Quantity;
import dev.keda4j.scalers.spi.Scaler;
import dev.keda4j.scalers.spi.ScalerContext;
import dev.keda4j.scalers.spi.ScalerResult;
import dev.keda4j.scalers.spi.ScalerRuntime;
import dev.keda4j.testkit.kube.KubeApi;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSchedulingGate;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodStatus;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Counts labelled pods by phase through client-java against {@link KubeApi}. */
class KubernetesWorkloadScalerIT {
  @RegisterExtension static KubeApi kube = KubeApi.create();

  private static Vertx vertx;
  private static ExecutorService pool;
  private static ScalerRuntime runtime;
  private static String otherNamespace;

  @BeforeAll
  static void pods() throws ApiException {
    vertx = Vertx.vertx();
    pool = Executors.newFixedThreadPool(2);
    runtime = new ScalerRuntime(vertx, pool);
    KubernetesClientSlot.register(runtime, kube.apiClient());
    String ns = kube.namespace();
    pod(ns, "a-running", Map.of("app", "a"), "Running");
    pod(ns, "a-pending", Map.of("app", "a"), "Pending");
    pod(ns, "a-succeeded", Map.of("app", "a"), "Succeeded");
    pod(ns, "a-failed", Map.of("app", "a"), "Failed");
    pod(ns, "b-running", Map.of("app", "b", "canary", "true"), "Running");
    pod(ns, "b-unknown", Map.of("app", "b"), "Unknown");
    pod(ns, "c-running", Map.of("app", "c"), "Running");
    otherNamespace = kube.createNamespace("other");
    pod(otherNamespace, "a-elsewhere", Map.of("app", "a"), "Running");
  }

  @AfterAll
  static void close() {
    runtime.close();
    pool.shutdownNow();
    vertx.close().toCompletionStage().toCompletableFuture().join();
  }

  private static void pod(String ns, String name, Map<String, String> labels, String phase)
      throws ApiException {
    CoreV1Api api = new CoreV1Api(kube.apiClient());
    V1Pod pod =
        new V1Pod()
            .metadata(new V1ObjectMeta().name(name).namespace(ns).labels(labels))
            .spec(
                new V1PodSpec()
                    // on a real cluster a gated pod is never scheduled, so no kubelet overwrites
                    // the phase the test sets
                    .addSchedulingGatesItem(new V1PodSchedulingGate().name("keda4j.dev/never"))
                    .addContainersItem(new V1Container().name("c").image("busybox")));
    V1Pod created = api.createNamespacedPod(ns, pod).execute();
    created.status(new V1PodStatus().phase(phase));
    api.replaceNamespacedPodStatus(name, ns, created).execute();
  }

  private static Scaler scaler(String namespace, Map<String, String> md) throws ConfigException {
    WorkloadScalerProvider provider = new WorkloadScalerProvider();
    ScalerContext ctx =
        ScalerContext.builder("kubernetes-workload")
            .scalableObject("ScaledObject", namespace, "so-" + UUID.randomUUID())
            .metadata(md)
            .build();
    return provider.create(ctx, provider.bind(ctx).config(), runtime);
  }

  static Stream<Arguments> counts() {
    return Stream.of(
        Arguments.of("equality: finished pods not counted", "app=a", "0", 2L, true),
        Arguments.of("set-based in (a,b)", "app in (a,b)", "0", 4L, true),
        Arguments.of("set-based notin", "app notin (a,b)", "0", 1L, true),
        Arguments.of("does-not-exist with in", "app in (a,b),!canary", "0", 3L, true),
        Arguments.of("exists", "canary", "0", 1L, true),
        Arguments.of("no match is a real zero", "app=zzz", "0", 0L, false),
        Arguments.of("count equal to activation is inactive", "app=a", "2", 2L, false),
        Arguments.of("count above activation is active", "app=a", "1.5", 2L, true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("counts")
  void countsPods(String name, String selector, String activation, long count, boolean active)
      throws ConfigException {
    Scaler scaler =
        scaler(
            kube.namespace(),
            Map.of("podSelector", selector, "value", "1", "activationValue", activation));

    ScalerResult result = scaler.poll("s0-workload-ns").toCompletableFuture().join();

    assertThat(result.values())
        .containsExactly(new MetricValue("s0-workload-ns", Quantity.of(count)));
    assertThat(result.active()).isEqualTo(active);
  }

  @Test
  void onlyTheScaledObjectsNamespaceIsCounted() throws ConfigException {
    Scaler scaler = scaler(otherNamespace, Map.of("podSelector", "app=a", "value", "1"));

    ScalerResult result = scaler.poll("s0-workload-other").toCompletableFuture().join();

    assertThat(result.values())
        .containsExactly(new MetricValue("s0-workload-other", Quantity.of(1)));
  }

  @Test
  void anUnreachableApiServerFailsThePollInsteadOfReportingZero() throws ConfigException {
    Vertx v = Vertx.vertx();
    ScalerRuntime unreachable = new ScalerRuntime(v, pool);
    try {
      KubernetesClientSlot.register(
          unreachable,
          new io.kubernetes.client.openapi.ApiClient().setBasePath("http://127.0.0.1:1"));
      WorkloadScalerProvider provider = new WorkloadScalerProvider();
      ScalerContext ctx =
          ScalerContext.builder("kubernetes-workload")
              .scalableObject("ScaledObject", kube.namespace(), "so")
              .metadata(Map.of("podSelector", "app=a", "value", "1"))
              .build();
      Scaler scaler = provider.create(ctx, provider.bind(ctx).config(), unreachable);

      var poll = scaler.poll("s0-workload-ns").toCompletableFuture();

      assertThat(poll.handle((r, e) -> e).join())
          .isInstanceOf(CompletionException.class)
          .hasCauseInstanceOf(WorkloadScalerException.class)
          .hasMessageContaining("error inspecting kubernetes workload");
    } finally {
      unreachable.close();
      v.close().toCompletionStage().toCompletableFuture().join();
    }
  }
}
