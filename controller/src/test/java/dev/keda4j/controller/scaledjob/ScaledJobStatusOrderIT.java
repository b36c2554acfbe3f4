package dev.keda4j.controller.scaledjob;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keda4j.api.v1alpha1.Condition;
import dev.keda4j.api.v1alpha1.ScaledJob;
import dev.keda4j.controller.k8s.EventRecorder;
import dev.keda4j.controller.k8s.KubeEventRecorder;
import dev.keda4j.controller.k8s.StatusPatcher;
import dev.keda4j.controller.metrics.KedaMetrics;
import dev.keda4j.controller.scaling.PollScheduler;
import dev.keda4j.controller.scaling.ScalerCache;
import dev.keda4j.testkit.kube.KubeApi;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The reconciler and the job loop both write {@code status.conditions}. The loop's first tick may
 * end before the reconcile does (here it is made to: the reconciler's Ready event waits for the
 * loop's status); its Active condition must still be what stays stored.
 */
class ScaledJobStatusOrderIT {
  @RegisterExtension static final KubeApi KUBE = KubeApi.create();

  private final ExecutorService writes = Executors.newFixedThreadPool(2);
  private final TestScalers factory = new TestScalers();
  private ScalerCache cache;
  private PollScheduler scheduler;
  private String ns;

  @BeforeEach
  void setUp() {
    ns = KUBE.createNamespace("sjorder");
    cache = new ScalerCache(factory, KedaMetrics.NOOP);
    scheduler = new PollScheduler(1, "sjorder");
  }

  @AfterEach
  void tearDown() {
    scheduler.close();
    cache.close();
    writes.shutdownNow();
  }

  @Test
  void theLoopsActiveConditionOutlivesTheReconcilesStatusWrite() throws Exception {
    String name = "order";
    KUBE.apply(SjKube.testScaledJob(name, ns, 1, null));
    EventRecorder real = new KubeEventRecorder(KUBE.apiClient(), Clock.systemUTC());
    EventRecorder readyWaitsForTheLoop =
        (KubernetesObject object, String type, String reason, String message) -> {
          if (ScaledJobEvents.READY.equals(reason)) {
            awaitQuietly(() -> "ScalerActive".equals(reason(name, "Active")));
          }
          real.record(object, type, reason, message);
        };
    JobLoopServices services =
        SjKube.services(
            KUBE.apiClient(),
            cache,
            Duration.ofSeconds(10),
            writes,
            KedaMetrics.NOOP,
            readyWaitsForTheLoop);
    ScaledJobReconciler reconciler =
        new ScaledJobReconciler(services, scheduler, new StatusPatcher(KUBE.apiClient()));

    assertThat(reconciler.reconcile(read(name))).isTrue();
    // three more polls of the loop, which believes its Active=True stored
    Thread.sleep(3000);

    assertThat(reason(name, "Active")).isEqualTo("ScalerActive");
    assertThat(reason(name, "Ready")).isNotNull();
  }

  private String reason(String name, String type) {
    try {
      ScaledJob sj = read(name);
      if (sj.getStatus() == null) {
        return null;
      }
      return ScaledJobConditions.get(sj.getStatus().getConditions(), type)
          .map(Condition::getReason)
          .orElse(null);
    } catch (ApiException e) {
      throw new IllegalStateException("HTTP " + e.getCode(), e);
    }
  }

  private static void awaitQuietly(java.util.function.BooleanSupplier done) {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!done.getAsBoolean() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private ScaledJob read(String name) throws ApiException {
    return SjKube.read(KUBE.apiClient(), ns, name);
  }
}
