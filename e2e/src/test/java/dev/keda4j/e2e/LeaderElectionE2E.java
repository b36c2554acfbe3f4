package dev.keda4j.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keda4j.app.BindAddress;
import dev.keda4j.app.LeaderElectionOptions;
import dev.keda4j.app.Operator;
import dev.keda4j.app.RunOptions;
import dev.keda4j.controller.k8s.leader.LeaderIdentity;
import dev.keda4j.testkit.kube.KubeApi;
import dev.keda4j.testkit.sources.RedisFixture;
import io.kubernetes.client.openapi.apis.BatchV1Api;
import io.kubernetes.client.openapi.apis.CoordinationV1Api;
import io.kubernetes.client.openapi.models.V1Job;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two {@code keda4j run} replicas against one API: only the Lease holder creates Jobs for a Redis
 * ScaledJob; when it stops, the standby takes over within the lease duration and carries on without
 * duplicating a Job. Also reads the keda_* series the leader serves on /metrics.
 */
class LeaderElectionE2E {

  @RegisterExtension static final KubeApi KUBE = KubeApi.create().withCrds(RepoFiles.crds());

  @RegisterExtension static final RedisFixture REDIS = new RedisFixture();

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Duration LEASE = Duration.ofSeconds(2);

  private static RunOptions replica(String name, String ip) {
    LeaderElectionOptions election =
        new LeaderElectionOptions(
                true,
                "keda4j-e2e",
                KUBE.namespace(),
                LEASE,
                Duration.ofMillis(1500),
                Duration.ofMillis(300))
            .withIdentity(new LeaderIdentity(name, ip));
    return new RunOptions(
            KUBE.kubeconfig(),
            List.of(KUBE.namespace()),
            new BindAddress("127.0.0.1", 0),
            new BindAddress("127.0.0.1", 0),
            0,
            Path.of("/nonexistent-certs"))
        .withLeaderElection(election);
  }

  @Test
  void onlyTheLeaderCreatesJobsAndTheStandbyTakesOverWithoutDuplicates() throws Exception {
    String list = REDIS.key();
    KUBE.apply(
        """
        apiVersion: keda.sh/v1alpha1
        kind: ScaledJob
        metadata:
          name: le-job
        spec:
          pollingInterval: 1
          maxReplicaCount: 25
          jobTargetRef:
            template:
              spec:
                restartPolicy: Never
                containers:
                - name: runner
                  image: example/runner:1
          triggers:
          - type: redis
            metadata:
              address: "%s"
              listName: "%s"
              listLength: "1"
        """
            .formatted(REDIS.address(), list));
    AtomicInteger fatal = new AtomicInteger();
    Operator first = Operator.start(replica("keda4j-a", "10.0.0.1"), fatal::incrementAndGet);
    Operator second = null;
    try {
      waitUntil(Duration.ofSeconds(30), first::leading);
      second = Operator.start(replica("keda4j-b", "10.0.0.2"), fatal::incrementAndGet);
      Operator standby = second;
      assertThat(holder()).isEqualTo(new LeaderIdentity("keda4j-a", "10.0.0.1"));

      for (int i = 0; i < 3; i++) {
        REDIS.call("RPUSH", list, "{\"n\": " + i + "}");
      }
      waitUntil(Duration.ofSeconds(60), () -> jobs().size() >= 3);
      Thread.sleep(3_000);
      assertThat(jobs()).hasSize(3);
      assertThat(standby.leading()).isFalse();

      String leaderMetrics = scrape(first);
      assertThat(leaderMetrics)
          .contains("keda_build_info{")
          .contains(
              "keda_resource_registered_total{namespace=\""
                  + KUBE.namespace()
                  + "\",type=\"scaled_job\"} 1.0")
          .contains("keda_trigger_registered_total{type=\"redis\"} 1.0")
          .containsPattern(
              "keda_scaler_metrics_value\\{metric=\"s0-redis-[^\"]*\",namespace=\""
                  + KUBE.namespace()
                  + "\",scaledObject=\"le-job\",scaler=\"redisScaler\",triggerIndex=\"0\","
                  + "type=\"scaledjob\"\\} 3.0");
      assertThat(scrape(standby))
          .contains("keda_build_info{")
          .doesNotContain("keda_scaler_metrics_value{");

      long stop = System.nanoTime();
      first.close();
      waitUntil(LEASE.plusSeconds(3), standby::leading);
      Duration takeover = Duration.ofNanos(System.nanoTime() - stop);
      assertThat(takeover).isLessThan(LEASE.plusSeconds(3));
      assertThat(holder()).isEqualTo(new LeaderIdentity("keda4j-b", "10.0.0.2"));

      for (int i = 3; i < 5; i++) {
        REDIS.call("RPUSH", list, "{\"n\": " + i + "}");
      }
      waitUntil(Duration.ofSeconds(60), () -> jobs().size() >= 5);
      Thread.sleep(3_000);
      assertThat(jobs()).hasSize(5);
      assertThat(fatal).hasValue(0);
      System.out.println(
          "leader-election e2e: standby took over after " + takeover.toMillis() + " ms");
    } finally {
      if (second != null) {
        second.close();
      }
      first.close();
    }
  }

  private static LeaderIdentity holder() throws Exception {
    String value =
        new CoordinationV1Api(KUBE.apiClient())
            .readNamespacedLease("keda4j-e2e", KUBE.namespace())
            .execute()
            .getSpec()
            .getHolderIdentity();
    return LeaderIdentity.parse(value).orElseThrow();
  }

  private static String scrape(Operator operator) throws Exception {
    int port = operator.metrics().boundAddress().getPort();
    return HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private static List<V1Job> jobs() {
    try {
      return new BatchV1Api(KUBE.apiClient())
          .listNamespacedJob(KUBE.namespace())
          .labelSelector("scaledjob.keda.sh/name=le-job")
          .execute()
          .getItems();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void waitUntil(Duration limit, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + limit);
      }
      Thread.sleep(100);
    }
  }
}
