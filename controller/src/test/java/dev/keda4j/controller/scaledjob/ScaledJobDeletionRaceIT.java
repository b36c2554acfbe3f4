package dev.keda4j.controller.scaledjob;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keda4j.api.v1alpha1.ClusterTriggerAuthentication;
import dev.keda4j.api.v1alpha1.ScaledJob;
import dev.keda4j.api.v1alpha1.TriggerAuthentication;
import dev.keda4j.controller.k8s.KubeEventRecorder;
import dev.keda4j.controller.k8s.KubeObjectLookup;
import dev.keda4j.controller.k8s.ObjectRefs;
import dev.keda4j.controller.k8s.StatusPatcher;
import dev.keda4j.controller.scaling.PollScheduler;
import dev.keda4j.controller.scaling.ScalerCache;
import dev.keda4j.controller.scaling.resolve.ObjectLookup;
import dev.keda4j.controller.scaling.resolve.TriggerResolver;
import dev.keda4j.testkit.kube.KubeApi;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1Secret;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A ScaledJob deleted while its job loop tick runs, with real threads held on latches, against the
 * Kubernetes API fixture: the reconciler's {@code forget} lands while the tick resolves the
 * triggers (before its scalers are built) or while it reads them. Either way the tick throws
 * nothing, builds nothing nobody closes, creates no Job and writes no status or event from the
 * failed read.
 */
class ScaledJobDeletionRaceIT {
  @RegisterExtension static final KubeApi KUBE = KubeApi.create();

  private static final long WAIT_S = 20;
  private static ExecutorService writes;

  private final ExecutorService pool = Executors.newCachedThreadPool();
  private final TestScalers factory = new TestScalers();
  private final RecordingMetrics metrics = new RecordingMetrics();
  private ScalerCache cache;
  private PollScheduler scheduler;
  private GatedLookup lookup;
  private JobLoopServices services;
  private ScaledJobReconciler reconciler;
  private String ns;

  @BeforeAll
  static void startPool() {
    writes = Executors.newFixedThreadPool(4);
  }

  @AfterAll
  static void stopPool() {
    writes.shutdownNow();
  }

  @BeforeEach
  void setUp() {
    ns = KUBE.createNamespace("sjrace");
    KUBE.apply(
        """
        apiVersion: keda.sh/v1alpha1
        kind: TriggerAuthentication
        metadata: {name: test-auth, namespace: %s}
        spec: {}
        """
            .formatted(ns));
    cache = new ScalerCache(factory, metrics);
    scheduler = new PollScheduler(1, "sjrace");
    lookup = new GatedLookup(new KubeObjectLookup(KUBE.apiClient()));
    JobLoopServices real =
        SjKube.services(
            KUBE.apiClient(),
            cache,
            Duration.ofSeconds(WAIT_S),
            writes,
            metrics,
            new KubeEventRecorder(KUBE.apiClient(), Clock.systemUTC()));
    // the same services, triggers resolved through the lookup a test can hold
    services =
        new JobLoopServices(
            TriggerResolver.of(lookup, "keda"),
            real.scalers(),
            real.poller(),
            real.jobs(),
            real.factory(),
            real.events(),
            real.status(),
            real.clock(),
            real.writePool(),
            real.metrics(),
            real.authStatus());
    reconciler = new ScaledJobReconciler(services, scheduler, new StatusPatcher(KUBE.apiClient()));
  }

  @AfterEach
  void tearDown() {
    Hold h = lookup.hold;
    if (h != null) {
      h.release.countDown();
    }
    scheduler.close();
    cache.close();
    pool.shutdownNow();
  }

  @Test
  void aLoopWithItsScalersHeldCreatesJobsAndAfterForgetBuildsNothing() throws Exception {
    ScaledJob sj = apply("live");
    JobLoop loop = registeredLoop(sj);

    assertThat(loop.poll()).hasValueSatisfying(p -> assertThat(p.jobsToCreate()).isEqualTo(3));
    assertThat(jobs("live")).hasSize(3);
    assertThat(read("live").getStatus().getConditions()).isNotEmpty();
    assertThat(events("live", ScaledJobEvents.JOBS_CREATED)).hasSize(1);

    reconciler.forget(ObjectRefs.describe(sj));
    assertThat(loop.poll()).isEmpty();
    assertThat(factory.built).hasSize(1);
    assertThat(factory.open()).isZero();
    assertThat(jobs("live")).hasSize(3);
  }

  @Test
  void deletedWhileTheTickResolvesItsTriggersBuildsNothingAndLeavesNoScalerOpen() throws Exception {
    ScaledJob sj = apply("resolving");
    JobLoop loop = registeredLoop(sj);
    Hold hold = lookup.holdNext();
    Future<Optional<JobPlan>> tick = pool.submit(loop::poll);
    assertThat(hold.entered.await(WAIT_S, TimeUnit.SECONDS)).isTrue();

    // the informer saw the deletion: loop cancelled, scalers removed, series dropped
    reconciler.forget(ObjectRefs.describe(sj));
    int recordedAtForget = recorded();
    hold.release.countDown();

    Optional<JobPlan> plan = tick.get(WAIT_S, TimeUnit.SECONDS); // no exception
    assertThat(factory.open()).as("scalers left open").isZero();
    assertThat(factory.built).hasSize(1); // the tick built no new scaler after remove
    assertThat(factory.closedTwice()).isZero();
    assertThat(plan).isEmpty();
    assertThat(cache.holds(ObjectRefs.describe(sj))).isFalse();
    assertNothingActedOn("resolving", recordedAtForget);
  }

  @Test
  void deletedWhileTheTickReadsItsTriggersFailsTheReadAndLeavesNoScalerOpen() throws Exception {
    ScaledJob sj = apply("reading");
    JobLoop loop = registeredLoop(sj);
    TestScalers.Hold hold = factory.holdNextPoll();
    Future<Optional<JobPlan>> tick = pool.submit(loop::poll);
    assertThat(hold.entered.await(WAIT_S, TimeUnit.SECONDS)).isTrue();

    reconciler.forget(ObjectRefs.describe(sj));
    int recordedAtForget = recorded();
    hold.release.countDown(); // the read now fails: its scaler was closed by the removal

    Optional<JobPlan> plan = tick.get(WAIT_S, TimeUnit.SECONDS); // no exception
    assertThat(factory.open()).as("scalers left open").isZero();
    assertThat(factory.built).hasSize(1); // no rebuild for a removed object
    assertThat(factory.closedTwice()).isZero();
    assertThat(plan).isEmpty();
    assertThat(factory.built.get(0).polls.get()).isEqualTo(1);
    assertNothingActedOn("reading", recordedAtForget);
  }

  @Test
  void deletedWhileAReadThatStillSucceedsRunsRecordsNoSeriesAndActsOnNothing() throws Exception {
    ScaledJob sj = apply("succeeding");
    JobLoop loop = registeredLoop(sj);
    factory.answerWhenClosed = true; // the held read's answer was on its way when forget closed it
    TestScalers.Hold hold = factory.holdNextPoll();
    Future<Optional<JobPlan>> tick = pool.submit(loop::poll);
    assertThat(hold.entered.await(WAIT_S, TimeUnit.SECONDS)).isTrue();

    reconciler.forget(ObjectRefs.describe(sj));
    int recordedAtForget = recorded();
    hold.release.countDown();

    Optional<JobPlan> plan = tick.get(WAIT_S, TimeUnit.SECONDS);
    assertThat(plan).isEmpty();
    assertThat(factory.built.get(0).polls.get()).isEqualTo(1);
    assertThat(factory.open()).isZero();
    assertNothingActedOn("succeeding", recordedAtForget);
    // and a later tick of the forgotten loop records nothing either, loop latency included
    int latencies;
    synchronized (metrics) {
      latencies = metrics.latencies.size();
    }
    assertThat(loop.poll()).isEmpty();
    assertThat(recorded()).isEqualTo(recordedAtForget);
    synchronized (metrics) {
      assertThat(metrics.latencies).hasSize(latencies);
    }
  }

  /** No Job, no status, no event, no metric series from the abandoned tick. */
  private void assertNothingActedOn(String name, int recordedAtForget) throws ApiException {
    assertThat(jobs(name)).isEmpty();
    ScaledJob now = read(name);
    assertThat(now.getStatus() == null ? List.of() : now.getStatus().getConditions())
        .as("status conditions")
        .isNullOrEmpty();
    assertThat(events(name, ScaledJobEvents.SCALER_FAILED)).isEmpty();
    assertThat(events(name, ScaledJobEvents.JOBS_CREATED)).isEmpty();
    assertThat(recorded()).as("metrics recorded after forget").isEqualTo(recordedAtForget);
    synchronized (metrics) {
      assertThat(metrics.forgotten).isNotEmpty();
    }
  }

  /** A job loop as the reconciler starts it: the ScaledJob's scalers built first. */
  private JobLoop registeredLoop(ScaledJob sj) {
    assertThat(cache.scalers(ObjectRefs.describe(sj), services.resolver().resolve(sj)))
        .singleElement()
        .satisfies(t -> assertThat(t.scaler()).isPresent());
    return new JobLoop(sj, services);
  }

  private int recorded() {
    synchronized (metrics) {
      return metrics.reads.size() + metrics.scalerErrors.size() + metrics.objectErrors.size();
    }
  }

  private ScaledJob apply(String name) throws ApiException {
    KUBE.apply(SjKube.testScaledJob(name, ns, 30, "test-auth"));
    return read(name);
  }

  private ScaledJob read(String name) throws ApiException {
    return SjKube.read(KUBE.apiClient(), ns, name);
  }

  private List<V1Job> jobs(String sj) throws ApiException {
    return SjKube.jobs(KUBE.apiClient(), ns, sj);
  }

  private List<String> events(String sj, String reason) throws ApiException {
    return SjKube.eventMessages(KUBE.apiClient(), ns, sj, reason);
  }

  /** Latches of one held lookup. */
  static final class Hold {
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
  }

  /** The real lookup; {@link #holdNext} holds the next TriggerAuthentication read. */
  static final class GatedLookup implements ObjectLookup {
    private final ObjectLookup delegate;
    volatile Hold hold;

    GatedLookup(ObjectLookup delegate) {
      this.delegate = delegate;
    }

    Hold holdNext() {
      Hold h = new Hold();
      hold = h;
      return h;
    }

    @Override
    public Optional<V1Secret> secret(String namespace, String name) {
      return delegate.secret(namespace, name);
    }

    @Override
    public Optional<V1ConfigMap> configMap(String namespace, String name) {
      return delegate.configMap(namespace, name);
    }

    @Override
    public Optional<TriggerAuthentication> triggerAuthentication(String namespace, String name) {
      Hold h = hold;
      if (h != null) {
        hold = null;
        h.entered.countDown();
        try {
          if (!h.release.await(WAIT_S, TimeUnit.SECONDS)) {
            throw new IllegalStateException("lookup never released");
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted");
        }
      }
      return delegate.triggerAuthentication(namespace, name);
    }

    @Override
    public Optional<ClusterTriggerAuthentication> clusterTriggerAuthentication(String name) {
      return delegate.clusterTriggerAuthentication(name);
    }
  }
}
