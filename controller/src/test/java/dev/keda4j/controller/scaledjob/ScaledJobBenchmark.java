package dev.keda4j.controller.scaledjob;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keda4j.api.v1alpha1.KedaApi;
import dev.keda4j.controller.scaling.PollScheduler;
import dev.keda4j.controller.scaling.ScalerCache;
import dev.keda4j.scalers.spi.ScalerRegistry;
import dev.keda4j.scalers.spi.ScalerRuntime;
import dev.keda4j.testkit.kube.KubeApi;
import dev.keda4j.testkit.sources.RedisFixture;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.BatchV1Api;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1JobCondition;
import io.kubernetes.client.openapi.models.V1JobStatus;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Benchmark, run on demand (not an *IT, so `verify` leaves it out):
 *
 * <pre>
 * mvn -B -q -pl controller verify -Dkeda4j.buildDirectory=/tmp/k4j-sj-target -Dtest=NONE \
 *   -Dit.test=ScaledJobBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * 1,000 queued items, maxReplicaCount 1000, default strategy, API capped at 50 QPS: exactly 1,000
 * Jobs, the operator's API writes per Job, and the time to create them. Then every Job completes
 * and the history cleanup brings them down to successfulJobsHistoryLimit.
 */
class ScaledJobBenchmark {
  private static final Logger LOG = LoggerFactory.getLogger(ScaledJobBenchmark.class);
  private static final int ITEMS = 1000;
  private static final int HISTORY = 100;

  @RegisterExtension static final KubeApi KUBE = KubeApi.create();
  @RegisterExtension static final RedisFixture REDIS = new RedisFixture();

  @Test
  void thousandItemsGiveExactlyThousandJobs() throws Exception {
    Vertx vertx = Vertx.vertx();
    ExecutorService blocking = Executors.newFixedThreadPool(2);
    // as keda4j run: its 8-thread blocking pool runs the Job writes
    ExecutorService writePool = Executors.newFixedThreadPool(8);
    ScalerRuntime runtime = new ScalerRuntime(vertx, blocking);
    ScalerCache cache = new ScalerCache(ScalerRegistry.load(), runtime);
    PollScheduler scheduler = new PollScheduler(2, "sj-bench");
    String ns = KUBE.namespace();
    String list = REDIS.key();
    try {
      List<String> push = new ArrayList<>(List.of("RPUSH", list));
      for (int i = 0; i < ITEMS; i++) {
        push.add("{\"user\": " + i + "}");
      }
      REDIS.call(push.toArray(String[]::new));
      KUBE.apply(
          """
          apiVersion: keda.sh/v1alpha1
          kind: ScaledJob
          metadata: {name: bench}
          spec:
            jobTargetRef:
              template:
                spec:
                  restartPolicy: Never
                  containers: [{name: c, image: busybox}]
            pollingInterval: 1
            maxReplicaCount: %d
            successfulJobsHistoryLimit: %d
            scalingStrategy: {strategy: default}
            triggers:
              - type: redis
                metadata: {address: "%s", listName: %s, listLength: "1"}
          """
              .formatted(ITEMS, HISTORY, REDIS.address(), list));
      KUBE.withQpsLimit(50);
      KUBE.stats().reset();
      long start = System.nanoTime();
      JobLoopServices services = SjKube.services(KUBE.apiClient(), cache, writePool);
      ScaledJobOperator op =
          ScaledJobOperator.start(KUBE.apiClient(), ns, services, scheduler, Duration.ofSeconds(5));
      await(Duration.ofSeconds(90), () -> KUBE.stats().count("create", "jobs") >= ITEMS);
      double seconds = (System.nanoTime() - start) / 1e9;
      Thread.sleep(3000);
      int created = jobs(ns).size();
      long writes = KUBE.stats().writes();
      LOG.info(
          "BENCH create: jobs={} seconds={} writes={} stats={}",
          created,
          seconds,
          writes,
          KUBE.stats());
      record(
          String.format(
              "BENCH create: jobs=%d seconds=%.1f stats=%s%n", created, seconds, KUBE.stats()));
      assertThat(created).isEqualTo(ITEMS);
      op.close();

      // the jobs consumed the queue and finished; the operator restarts and cleans up history
      KUBE.withoutQpsLimit();
      REDIS.call("DEL", list);
      complete(ns);
      KUBE.stats().reset();
      long cleanupStart = System.nanoTime();
      op =
          ScaledJobOperator.start(KUBE.apiClient(), ns, services, scheduler, Duration.ofSeconds(5));
      await(
          Duration.ofSeconds(400),
          () -> {
            int left = jobs(ns).size();
            LOG.info("BENCH cleanup progress: {} jobs left", left);
            return left <= HISTORY;
          });
      double cleanupSeconds = (System.nanoTime() - cleanupStart) / 1e9;
      Thread.sleep(2000);
      long cleanupWrites = KUBE.stats().writes();
      LOG.info(
          "BENCH cleanup: seconds={} writes={} stats={}",
          cleanupSeconds,
          cleanupWrites,
          KUBE.stats());
      op.close();
      String line =
          String.format(
              "BENCH order=%s jobs=%d createSeconds=%.1f writesWhileCreating=%d writesPerJob=%.3f"
                  + " cleanupSeconds=%.1f cleanupWrites=%d writesPerJobInclCleanup=%.3f stats=%s%n",
              System.getProperty("sj.bench.order", "creation"),
              created,
              seconds,
              writes,
              writes / (double) created,
              cleanupSeconds,
              cleanupWrites,
              (writes + cleanupWrites) / (double) created,
              KUBE.stats());
      record(line);
      assertThat(jobs(ns)).hasSize(HISTORY);
    } finally {
      KUBE.withoutQpsLimit();
      scheduler.close();
      cache.close();
      runtime.close();
      blocking.shutdownNow();
      writePool.shutdownNow();
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  private static void record(String line) throws java.io.IOException {
    LOG.info(line);
    Files.writeString(
        Path.of(System.getProperty("java.io.tmpdir"), "k4j-sj-bench-results.txt"),
        line,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }

  /**
   * Marks every Job Complete; these writes are the test's, excluded from the operator's count. Jobs
   * finish in the order the API stored them (resourceVersion: nothing else writes them), as Jobs of
   * one queue roughly do; {@code -Dsj.bench.order=random} shuffles the completion times instead
   * (the worst case for batch deletes).
   */
  private static void complete(String ns) throws ApiException {
    BatchV1Api batch = new BatchV1Api(KUBE.apiClient());
    OffsetDateTime t = OffsetDateTime.now();
    List<V1Job> all = new ArrayList<>(jobs(ns));
    if ("random".equals(System.getProperty("sj.bench.order"))) {
      Collections.shuffle(all, new Random(42));
    } else {
      all.sort(Comparator.comparingLong(j -> Long.parseLong(j.getMetadata().getResourceVersion())));
    }
    int i = 0;
    for (V1Job j : all) {
      j.setStatus(
          new V1JobStatus()
              .completionTime(t.plusSeconds(i++))
              .addConditionsItem(new V1JobCondition().type("Complete").status("True")));
      batch.replaceNamespacedJobStatus(j.getMetadata().getName(), ns, j).execute();
    }
    LOG.info("BENCH marked {} jobs complete (test writes, not counted)", i);
  }

  private static List<V1Job> jobs(String ns) {
    try {
      return new BatchV1Api(KUBE.apiClient())
          .listNamespacedJob(ns)
          .labelSelector(KedaApi.SCALED_JOB_NAME_LABEL + "=bench")
          .execute()
          .getItems();
    } catch (ApiException e) {
      throw new IllegalStateException("listing jobs failed: HTTP " + e.getCode(), e);
    }
  }

  private static void await(Duration timeout, java.util.function.BooleanSupplier done)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + timeout);
      }
      Thread.sleep(250);
    }
  }
}
