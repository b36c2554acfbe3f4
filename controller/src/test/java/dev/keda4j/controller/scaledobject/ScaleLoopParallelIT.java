package dev.keda4j.controller.scaledobject;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keda4j.api.manifest.Manifests;
import dev.keda4j.api.v1alpha1.ScaledObject;
import dev.keda4j.controller.metrics.KedaMetrics;
import dev.keda4j.controller.scaling.ScalerCache;
import dev.keda4j.scalers.spi.MetricSpec;
import dev.keda4j.scalers.spi.MetricTargetType;
import dev.keda4j.scalers.spi.MetricValue;
import dev.keda4j.scalers.spi.Scaler;
import dev.keda4j.scalers.spi.ScalerResult;
import dev.keda4j.testkit.kube.KubeApi;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One poll reads the triggers of one ScaledObject concurrently, at most {@link
 * ScaleLoop#MAX_PARALLEL_READS} at once: twelve triggers whose reads each take 300 ms are all read,
 * with exactly eight in flight at the peak, and the one active trigger activates the target.
 */
class ScaleLoopParallelIT {
  @RegisterExtension static final KubeApi KUBE = KubeApi.create();
  private static final int TRIGGERS = 12;

  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger peak = new AtomicInteger();
  private final AtomicInteger polls = new AtomicInteger();

  @AfterEach
  void stop() {
    timer.shutdownNow();
  }

  /** A read taking 300 ms; trigger 5 is active. */
  final class SlowScaler implements Scaler {
    private final String metric;
    private final boolean active;

    SlowScaler(String metric, boolean active) {
      this.metric = metric;
      this.active = active;
    }

    @Override
    public List<MetricSpec> metricSpecs() {
      return List.of(MetricSpec.external(metric, MetricTargetType.AVERAGE_VALUE, 1));
    }

    @Override
    public CompletionStage<ScalerResult> poll(String metricName) {
      polls.incrementAndGet();
      peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      CompletableFuture<ScalerResult> f = new CompletableFuture<>();
      timer.schedule(
          () -> {
            inFlight.decrementAndGet();
            f.complete(ScalerResult.of(MetricValue.ofCount(metricName, active ? 3 : 0), active));
          },
          300,
          TimeUnit.MILLISECONDS);
      return f;
    }

    @Override
    public void close() {}
  }

  @Test
  void triggersAreReadConcurrentlyWithABound() throws Exception {
    String ns = KUBE.namespace();
    SoKube k = new SoKube(KUBE, ns);
    k.deployment("par", 0);
    StringBuilder triggers = new StringBuilder();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < TRIGGERS; i++) {
      triggers.append("    - {type: slow, metadata: {n: \"").append(i).append("\"}}\n");
      names.add("s" + i + "-slow");
    }
    ScaledObject so =
        Manifests.toModel(
            Manifests.parse(
                    """
                    apiVersion: keda.sh/v1alpha1
                    kind: ScaledObject
                    metadata: {name: par, namespace: %s}
                    spec:
                      scaleTargetRef: {name: par}
                      triggers:
                    %s"""
                        .formatted(ns, triggers))
                .get(0),
            ScaledObject.class);
    try (ScalerCache cache =
        new ScalerCache(
            ctx -> new SlowScaler(ctx.metricName("slow"), ctx.triggerIndex() == 5),
            KedaMetrics.NOOP)) {
      ScaledObjectServices services =
          ScaledObjectOperator.services(
              KUBE.apiClient(), cache, Clock.systemUTC(), "keda", "2.17.0", Duration.ofSeconds(5));
      ScaleTargetClient.Target target =
          services.targets().resolveTarget(so.getSpec().getScaleTargetRef(), ns);
      String key = "ScaledObject " + ns + "/par";
      assertThat(
              cache.scalers(
                  key,
                  services
                      .resolver()
                      .resolve(
                          so,
                          services.resolver().envSource(so, services.targets().template(target)))))
          .hasSize(TRIGGERS)
          .allSatisfy(t -> assertThat(t.scaler()).isPresent());
      new ScaleLoop(key, () -> so, target, names, services).tick();
      assertThat(polls.get()).isEqualTo(TRIGGERS);
      assertThat(peak.get()).isEqualTo(ScaleLoop.MAX_PARALLEL_READS);
      assertThat(k.replicas("par")).isEqualTo(1);
    }
  }
}
