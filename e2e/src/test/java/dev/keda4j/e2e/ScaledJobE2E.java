package dev.keda4j.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keda4j.app.BindAddress;
import dev.keda4j.app.Operator;
import dev.keda4j.app.RunOptions;
import dev.keda4j.testkit.kube.KubeApi;
import dev.keda4j.testkit.sources.RedisFixture;
import io.kubernetes.client.openapi.apis.BatchV1Api;
import io.kubernetes.client.openapi.models.V1Job;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a user of the seed's Redis ScaledJob sees: {@code keda4j run} watching the namespace, items
 * pushed to a real Redis list, one Job per item created through the API.
 */
class ScaledJobE2E {

  @RegisterExtension static final KubeApi KUBE = KubeApi.create().withCrds(RepoFiles.crds());

  @RegisterExtension static final RedisFixture REDIS = new RedisFixture();

  @Test
  void itemsInARedisListBecomeJobs() throws Exception {
    String list = REDIS.key();
    KUBE.apply(
        """
        apiVersion: keda.sh/v1alpha1
        kind: ScaledJob
        metadata:
          name: redis-runner-job
        spec:
          pollingInterval: 1
          maxReplicaCount: 25
          jobTargetRef:
            backoffLimit: 5
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
    for (int i = 0; i < 3; i++) {
      REDIS.call("RPUSH", list, "{\"user\": " + i + "}");
    }
    RunOptions options =
        new RunOptions(
            KUBE.kubeconfig(),
            List.of(KUBE.namespace()),
            new BindAddress("127.0.0.1", 0),
            new BindAddress("127.0.0.1", 0),
            0,
            Path.of("/nonexistent-certs"));

    try (Operator operator = Operator.start(options)) {
      List<V1Job> jobs = awaitJobs(3, Duration.ofSeconds(60));
      assertThat(jobs).hasSize(3);
      assertThat(jobs)
          .allSatisfy(
              job -> {
                assertThat(job.getMetadata().getName()).startsWith("redis-runner-job-");
                assertThat(job.getMetadata().getLabels())
                    .containsEntry("scaledjob.keda.sh/name", "redis-runner-job");
              });
      // a few more polls while the Jobs' pods never start must not add a fourth Job
      Thread.sleep(3_000);
      assertThat(jobs()).hasSize(3);
    }
  }

  private static List<V1Job> jobs() throws Exception {
    return new BatchV1Api(KUBE.apiClient())
        .listNamespacedJob(KUBE.namespace())
        .labelSelector("scaledjob.keda.sh/name=redis-runner-job")
        .execute()
        .getItems();
  }

  private static List<V1Job> awaitJobs(int count, Duration timeout) throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    List<V1Job> jobs = jobs();
    while (jobs.size() < count && Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
      jobs = jobs();
    }
    return jobs;
  }
}
