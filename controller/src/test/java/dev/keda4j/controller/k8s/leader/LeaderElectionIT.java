package dev.keda4j.controller.k8s.leader;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keda4j.testkit.kube.KubeApi;
import io.kubernetes.client.openapi.apis.CoordinationV1Api;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Lease;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two candidates against one API: one writes at a time, the other takes over. */
class LeaderElectionIT {

  @RegisterExtension static KubeApi kube = KubeApi.create();

  private static final Duration LEASE = Duration.ofMillis(2000);
  private static final Duration RENEW = Duration.ofMillis(1500);
  private static final Duration RETRY = Duration.ofMillis(300);

  /** A write made by a leader's work, stamped with who and when. */
  record Write(String who, long nanos) {}

  private final List<Write> writes = new CopyOnWriteArrayList<>();
  // when each writer's first term had fully stopped (a write issued before that is not a violation)
  private final Map<String, Long> firstStop = new ConcurrentHashMap<>();
  private final List<Write> workStarts = new CopyOnWriteArrayList<>();
  private final AtomicInteger sequence = new AtomicInteger();

  /** Work of a leader: writes a ConfigMap every 100 ms until closed. */
  private LeaderElection.Leading writer(String who, String lease) {
    return () -> {
      workStarts.add(new Write(who, System.nanoTime()));
      ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor();
      CoreV1Api core = new CoreV1Api(kube.apiClient());
      loop.scheduleWithFixedDelay(
          () -> {
            // the time a write is issued, not when its answer comes back: under load a create sent
            // while leading can be answered long after the lease was lost
            long issued = System.nanoTime();
            try {
              core.createNamespacedConfigMap(
                      kube.namespace(),
                      new V1ConfigMap()
                          .metadata(
                              new V1ObjectMeta()
                                  .name(lease + "-" + who + "-" + sequence.incrementAndGet())))
                  .execute();
              writes.add(new Write(who, issued));
            } catch (Exception e) {
              // the next iteration retries
            }
          },
          0,
          100,
          TimeUnit.MILLISECONDS);
      return () -> {
        loop.shutdownNow();
        loop.awaitTermination(5, TimeUnit.SECONDS);
        firstStop.putIfAbsent(who, System.nanoTime());
      };
    };
  }

  private LeaderElection candidate(String who, String lease, LeaderElection.Leading work) {
    return LeaderElection.start(
        kube.apiClient(),
        new LeaderElection.Config(
            kube.namespace(),
            lease,
            new LeaderIdentity(who, "10.0.0." + who.length()),
            LEASE,
            RENEW,
            RETRY),
        work,
        () -> {});
  }

  private long writesBy(String who) {
    return writes.stream().filter(w -> w.who().equals(who)).count();
  }

  @Test
  void onlyTheLeaderWritesAndTheStandbyTakesOverWhenItStops() throws Exception {
    LeaderElection first = candidate("a", "failover", writer("a", "failover"));
    waitUntil(Duration.ofSeconds(10), first::isLeader);
    LeaderElection second = candidate("bb", "failover", writer("bb", "failover"));
    try {
      Thread.sleep(LEASE.toMillis() + 500);
      assertThat(second.isLeader()).isFalse();
      assertThat(writesBy("a")).isPositive();
      assertThat(writesBy("bb")).isZero();
      assertThat(second.observedLeader()).contains("a_10.0.0.1");

      long stopAsked = System.nanoTime();
      first.close();
      long stopped = System.nanoTime();
      waitUntil(LEASE.plusSeconds(2), second::isLeader);
      long tookOver = System.nanoTime();
      waitUntil(Duration.ofSeconds(5), () -> writesBy("bb") > 0);

      assertThat(Duration.ofNanos(tookOver - stopAsked)).isLessThan(LEASE.plusSeconds(2));
      long lastByA =
          writes.stream().filter(w -> w.who().equals("a")).mapToLong(Write::nanos).max().orElse(0);
      assertThat(lastByA).isPositive().isLessThanOrEqualTo(stopped);
      long firstByB =
          writes.stream().filter(w -> w.who().equals("bb")).mapToLong(Write::nanos).min().orElse(0);
      assertThat(firstByB).isGreaterThan(stopped);
      V1Lease lease =
          new CoordinationV1Api(kube.apiClient())
              .readNamespacedLease("failover", kube.namespace())
              .execute();
      assertThat(LeaderIdentity.parse(lease.getSpec().getHolderIdentity()))
          .contains(new LeaderIdentity("bb", "10.0.0.2"));
    } finally {
      second.close();
      first.close();
    }
    assertThat(second.isLeader()).isFalse();
  }

  @Test
  void losingTheLeaseStopsTheWorkAtOnceAndTheCandidateRejoins() throws Exception {
    LeaderElection only = candidate("a", "stolen", writer("a", "stolen"));
    try {
      waitUntil(Duration.ofSeconds(10), only::isLeader);
      waitUntil(Duration.ofSeconds(5), () -> writesBy("a") > 0);
      steal("stolen");
      long stolen = System.nanoTime();
      waitUntil(RENEW.plus(RETRY).plusSeconds(1), () -> !only.isLeader());
      long lostAt = System.nanoTime();
      int countAtLoss = writes.size();
      // renew deadline after the last renewal, plus one retry period and scheduling slack
      assertThat(Duration.ofNanos(lostAt - stolen)).isLessThan(RENEW.plus(RETRY).plusSeconds(1));
      System.out.println(
          "leader-election IT: work stopped "
              + Duration.ofNanos(lostAt - stolen).toMillis()
              + " ms after the lease was taken (renew deadline "
              + RENEW.toMillis()
              + " ms)");
      // the thief never renews: after the lease duration the candidate takes it back
      waitUntil(LEASE.plusSeconds(5), only::isLeader);
      // the second term's work starts (and may write) just before isLeader() turns true
      long backAt =
          workStarts.stream()
              .filter(w -> w.who().equals("a"))
              .mapToLong(Write::nanos)
              .max()
              .orElse(0);
      assertThat(workStarts.stream().filter(w -> w.who().equals("a")).count()).isEqualTo(2);
      long workStopped = firstStop.get("a");
      assertThat(Duration.ofNanos(workStopped - stolen))
          .isLessThan(RENEW.plus(RETRY).plusSeconds(2));
      assertThat(
              writes.stream()
                  .filter(w -> w.nanos() > workStopped)
                  .filter(w -> w.nanos() < backAt)
                  .count())
          .isZero();
      waitUntil(Duration.ofSeconds(5), () -> writes.size() > countAtLoss);
    } finally {
      only.close();
    }
  }

  @Test
  void workThatCannotStopInTimeIsFatal() throws Exception {
    CountDownLatch fatal = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    LeaderElection stuck =
        LeaderElection.start(
            kube.apiClient(),
            new LeaderElection.Config(
                kube.namespace(),
                "stuck",
                new LeaderIdentity("s", "10.0.0.9"),
                LEASE,
                RENEW,
                RETRY),
            () -> () -> release.await(30, TimeUnit.SECONDS),
            fatal::countDown);
    try {
      waitUntil(Duration.ofSeconds(10), stuck::isLeader);
      steal("stuck");
      assertThat(fatal.await(RENEW.plus(LEASE).plusSeconds(2).toMillis(), TimeUnit.MILLISECONDS))
          .isTrue();
    } finally {
      release.countDown();
      stuck.close();
    }
  }

  private static void waitUntil(Duration limit, java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + limit);
      }
      Thread.sleep(20);
    }
  }

  /** Overwrites the holder, retrying when a renewal got in between (409 on resourceVersion). */
  private static void steal(String name) throws Exception {
    CoordinationV1Api api = new CoordinationV1Api(kube.apiClient());
    for (int attempt = 0; ; attempt++) {
      V1Lease lease = api.readNamespacedLease(name, kube.namespace()).execute();
      lease.getSpec().setHolderIdentity("thief_10.9.9.9");
      lease.getSpec().setRenewTime(java.time.OffsetDateTime.now());
      try {
        api.replaceNamespacedLease(name, kube.namespace(), lease).execute();
        return;
      } catch (io.kubernetes.client.openapi.ApiException e) {
        if (e.getCode() != 409 || attempt >= 20) {
          throw e;
        }
      }
    }
  }
}
