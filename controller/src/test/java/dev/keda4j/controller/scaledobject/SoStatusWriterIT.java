package dev.keda4j.controller.scaledobject;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keda4j.api.v1alpha1.Condition;
import dev.keda4j.api.v1alpha1.KedaApi;
import dev.keda4j.api.v1alpha1.ScaledObject;
import dev.keda4j.api.v1alpha1.ScaledObjectList;
import dev.keda4j.api.v1alpha1.ScaledObjectStatus;
import dev.keda4j.controller.k8s.StatusPatcher;
import dev.keda4j.controller.scaledobject.status.Conditions;
import dev.keda4j.controller.scaledobject.status.ScaledObjectReasons;
import dev.keda4j.testkit.kube.KubeApi;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.util.generic.GenericKubernetesApi;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The reconciler (Ready, hpaName) and the scale loop (Active, lastActiveTime) write one
 * ScaledObject's status from stale informer copies: each one's change survives the other's.
 */
class SoStatusWriterIT {
  @RegisterExtension static final KubeApi KUBE = KubeApi.create();

  private ScaledObject create(String name) throws ApiException {
    KUBE.apply(
        """
        apiVersion: keda.sh/v1alpha1
        kind: ScaledObject
        metadata: {name: %s}
        spec:
          scaleTargetRef: {name: web}
          triggers:
            - {type: cron, metadata: {timezone: Etc/UTC, start: "0 * * * *", end: "1 * * * *", desiredReplicas: "1"}}
        """
            .formatted(name));
    return read(name);
  }

  private ScaledObject read(String name) throws ApiException {
    return new GenericKubernetesApi<>(
            ScaledObject.class,
            ScaledObjectList.class,
            KedaApi.GROUP,
            KedaApi.VERSION,
            KedaApi.SCALED_OBJECTS,
            KUBE.apiClient())
        .get(KUBE.namespace(), name)
        .throwsApiException()
        .getObject();
  }

  private static ScaledObjectStatus withConditions(ScaledObject read, List<Condition> updates) {
    ScaledObjectStatus desired = SoStatusWriter.copy(read);
    return desired.conditions(
        Conditions.apply(Conditions.withInitial(desired.getConditions()), updates));
  }

  @Test
  void interleavedWritesFromStaleCopiesBothSurvive() throws Exception {
    StatusPatcher patcher = new StatusPatcher(KUBE.apiClient());
    ScaledObject stale = create("race");

    // the reconciler: Ready=True and hpaName
    assertThat(
            SoStatusWriter.write(
                patcher,
                stale,
                withConditions(stale, List.of(ScaledObjectReasons.ready())).hpaName("keda-hpa-r")))
        .isTrue();
    // the loop, from the same stale copy: Active=True and lastActiveTime
    OffsetDateTime now = OffsetDateTime.of(2026, 11, 23, 12, 0, 0, 0, ZoneOffset.UTC);
    assertThat(
            SoStatusWriter.write(
                patcher,
                stale,
                withConditions(stale, List.of(ScaledObjectReasons.active(false)))
                    .lastActiveTime(now)))
        .isTrue();
    // the reconciler again, still from the stale copy: nothing changed for it, nothing sent
    KUBE.stats().reset();
    assertThat(
            SoStatusWriter.write(
                patcher,
                stale,
                withConditions(stale, List.of(ScaledObjectReasons.ready())).hpaName("keda-hpa-r")))
        .isFalse();
    assertThat(KUBE.stats().writes()).isZero();

    ScaledObjectStatus stored = read("race").getStatus();
    assertThat(Conditions.find(stored.getConditions(), "Ready"))
        .contains(ScaledObjectReasons.ready());
    assertThat(Conditions.find(stored.getConditions(), "Active"))
        .contains(ScaledObjectReasons.active(false));
    assertThat(Conditions.find(stored.getConditions(), "Fallback").orElseThrow().getStatus())
        .isEqualTo("Unknown");
    assertThat(stored.getHpaName()).isEqualTo("keda-hpa-r");
    assertThat(stored.getLastActiveTime().toInstant()).isEqualTo(now.toInstant());
    assertThat(stored.getConditions()).extracting(Condition::getType).doesNotHaveDuplicates();

    // a failed check from the reconciler really sets Active=Unknown: an intended change applies
    ScaledObject fresh = read("race");
    SoStatusWriter.write(
        patcher,
        fresh,
        withConditions(
            fresh,
            List.of(
                ScaledObjectReasons.checkFailed("step", "detail"),
                ScaledObjectReasons.activeUnknown())));
    assertThat(Conditions.find(read("race").getStatus().getConditions(), "Active"))
        .contains(ScaledObjectReasons.activeUnknown());
    assertThat(read("race").getStatus().getLastActiveTime()).isNotNull();
  }

  @Test
  void theHandedOverStatusWaitsForALateFirstTickAndGoesInOnePatchWithIt() throws Exception {
    StatusPatcher patcher = new StatusPatcher(KUBE.apiClient());
    ScaledObject so = create("late-tick");
    java.util.concurrent.atomic.AtomicBoolean tickComing =
        new java.util.concurrent.atomic.AtomicBoolean(true);
    KUBE.stats().reset();
    SoStatusWriter.writeSoon(
        patcher,
        so,
        so.getStatus(),
        withConditions(so, List.of(ScaledObjectReasons.ready())).hpaName("keda-hpa-late"),
        java.time.Duration.ofMillis(200),
        java.time.Duration.ofSeconds(30),
        tickComing::get);
    // the tick is late (a busy scheduler): well past "within", nothing went out alone
    Thread.sleep(1000);
    assertThat(KUBE.stats().writes()).isZero();
    // the first tick: its Active and the handed-over Ready/hpaName in one patch
    assertThat(
            SoStatusWriter.write(
                patcher, so, withConditions(so, List.of(ScaledObjectReasons.active(false)))))
        .isTrue();
    tickComing.set(false);
    Thread.sleep(500);
    assertThat(KUBE.stats().writes()).isEqualTo(1);
    ScaledObjectStatus stored = read("late-tick").getStatus();
    assertThat(Conditions.find(stored.getConditions(), "Ready"))
        .contains(ScaledObjectReasons.ready());
    assertThat(Conditions.find(stored.getConditions(), "Active"))
        .contains(ScaledObjectReasons.active(false));
    assertThat(stored.getHpaName()).isEqualTo("keda-hpa-late");
  }

  @Test
  void theHandedOverStatusGoesOutAloneWhenNoTickIsComing() throws Exception {
    StatusPatcher patcher = new StatusPatcher(KUBE.apiClient());
    ScaledObject so = create("no-tick");
    KUBE.stats().reset();
    SoStatusWriter.writeSoon(
        patcher,
        so,
        so.getStatus(),
        withConditions(so, List.of(ScaledObjectReasons.ready())).hpaName("keda-hpa-alone"),
        java.time.Duration.ofMillis(200),
        java.time.Duration.ofSeconds(30),
        () -> false);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (read("no-tick").getStatus() == null
        || read("no-tick").getStatus().getHpaName() == null) {
      assertThat(System.nanoTime()).isLessThan(deadline);
      Thread.sleep(50);
    }
    assertThat(KUBE.stats().writes()).isEqualTo(1);
    assertThat(Conditions.find(read("no-tick").getStatus().getConditions(), "Ready"))
        .contains(ScaledObjectReasons.ready());
  }

  @Test
  void concurrentWritersOfDifferentConditionsNeverLoseOne() throws Exception {
    StatusPatcher patcher = new StatusPatcher(KUBE.apiClient());
    ScaledObject stale = create("threads");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch go = new CountDownLatch(1);
    try {
      Future<?> reconciler =
          pool.submit(
              () -> {
                go.await();
                for (int i = 0; i < 20; i++) {
                  SoStatusWriter.write(
                      patcher,
                      stale,
                      withConditions(
                          stale,
                          List.of(
                              i % 2 == 0
                                  ? ScaledObjectReasons.ready()
                                  : ScaledObjectReasons.checkFailed("step", "n" + i))));
                }
                SoStatusWriter.write(
                    patcher, stale, withConditions(stale, List.of(ScaledObjectReasons.ready())));
                return null;
              });
      Future<?> loop =
          pool.submit(
              () -> {
                go.await();
                for (int i = 0; i < 20; i++) {
                  SoStatusWriter.write(
                      patcher,
                      stale,
                      withConditions(
                          stale,
                          List.of(
                              i % 2 == 0
                                  ? ScaledObjectReasons.notActive()
                                  : ScaledObjectReasons.active(false))));
                }
                SoStatusWriter.write(
                    patcher, stale, withConditions(stale, List.of(ScaledObjectReasons.cooldown())));
                return null;
              });
      go.countDown();
      reconciler.get(60, TimeUnit.SECONDS);
      loop.get(60, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
    List<Condition> stored = read("threads").getStatus().getConditions();
    assertThat(Conditions.find(stored, "Ready")).contains(ScaledObjectReasons.ready());
    assertThat(Conditions.find(stored, "Active")).contains(ScaledObjectReasons.cooldown());
    assertThat(stored).extracting(Condition::getType).doesNotHaveDuplicates();
  }

  @Test
  void mergeAppliesOnlyTheCallersChanges() {
    ScaledObjectStatus base =
        new ScaledObjectStatus()
            .hpaName("h")
            .conditions(List.of(ScaledObjectReasons.ready(), ScaledObjectReasons.active(false)));
    ScaledObjectStatus read = new ScaledObjectStatus();
    ScaledObjectStatus desired =
        new ScaledObjectStatus()
            .originalReplicaCount(3)
            .conditions(
                Conditions.apply(
                    Conditions.withInitial(null), List.of(ScaledObjectReasons.noFallback())));
    ScaledObjectStatus merged = SoStatusWriter.merge(base, read, desired);
    assertThat(merged.getHpaName()).isEqualTo("h");
    assertThat(merged.getOriginalReplicaCount()).isEqualTo(3);
    assertThat(merged.getConditions())
        .containsExactly(
            ScaledObjectReasons.ready(),
            ScaledObjectReasons.active(false),
            ScaledObjectReasons.noFallback(),
            ScaledObjectReasons.initial().get(3));
  }
}
