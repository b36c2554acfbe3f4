package dev.keda4j.controller.scaledjob;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keda4j.api.v1alpha1.Condition;
import dev.keda4j.api.v1alpha1.KedaApi;
import dev.keda4j.api.v1alpha1.ScaledJob;
import dev.keda4j.controller.k8s.KubeEventRecorder;
import dev.keda4j.controller.metrics.KedaMetrics;
import dev.keda4j.controller.scaling.PollScheduler;
import dev.keda4j.controller.scaling.ScalerCache;
import dev.keda4j.scalers.spi.ScalerRegistry;
import dev.keda4j.scalers.spi.ScalerRuntime;
import dev.keda4j.testkit.kube.KubeApi;
import dev.keda4j.testkit.sources.RedisFixture;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.BatchV1Api;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodStatus;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The job loop against the Kubernetes API fixture and the real Redis: the seed's Redis ScaledJob
 * launches exactly the Jobs the queue needs, across polls and restarts.
 */
class ScaledJobLoopIT {
  @RegisterExtension static final KubeApi KUBE = KubeApi.create();
  @RegisterExtension static final RedisFixture REDIS = new RedisFixture();

  private static Vertx vertx;
  private static ExecutorService blocking;
  private static ExecutorService writes;

  private ScalerRuntime runtime;
  private ScalerCache cache;
  private PollScheduler scheduler;
  private ScaledJobOperator operator;
  private final List<String> keys = new ArrayList<>();

  /** One namespace per test, so no operator sees another test's ScaledJobs. */
  private String ns;

  @BeforeAll
  static void startVertx() {
    vertx = Vertx.vertx();
    blocking = Executors.newFixedThreadPool(2);
    writes = Executors.newFixedThreadPool(4);
  }

  @AfterAll
  static void stopVertx() throws Exception {
    blocking.shutdownNow();
    writes.shutdownNow();
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @BeforeEach
  void secret() {
    ns = KUBE.createNamespace("sj");
    KUBE.apply(
        """
        apiVersion: v1
        kind: Secret
        metadata: {name: redis-runner, namespace: %s}
        stringData:
          REDIS_HOST: "%s"
          REDIS_PORT: "%d"
          REDIS_PASSWORD: ""
          BAD_PASSWORD: "s3cr3t-never-shown"
        """
            .formatted(ns, REDIS.host(), REDIS.port()));
    runtime = new ScalerRuntime(vertx, blocking);
    cache = new ScalerCache(ScalerRegistry.load(), runtime);
    scheduler = new PollScheduler(2, "sj-it");
  }

  @AfterEach
  void stopAll() {
    stopOperator();
    cache.close();
    runtime.close();
    keys.forEach(k -> REDIS.call("DEL", k));
  }

  @Test
  void defaultStrategyCreatesExactlySixJobsAcrossPollsAndARestartMidBurst() throws Exception {
    String sj = unique("def");
    String list = queue(6);
    KUBE.withQpsLimit(15);
    try {
      startOperator();
      KUBE.apply(seed(sj, list, "strategy: default"));
      await(Duration.ofSeconds(20), () -> jobs(sj).size() >= 2);
      stopOperator();
      int atRestart = jobs(sj).size();
      startOperator();
      await(Duration.ofSeconds(20), () -> jobs(sj).size() >= 6);
      Thread.sleep(3500);
      assertThat(jobs(sj)).hasSize(6);
      assertThat(atRestart).isBetween(2, 6);
    } finally {
      KUBE.withoutQpsLimit();
    }
    assertThat(condition(sj, "Ready").getStatus()).isEqualTo("True");
    assertThat(condition(sj, "Active").getReason()).isEqualTo("ScalerActive");
  }

  @Test
  void accurateStrategyWithPendingPodsCreatesExactlySixJobs() throws Exception {
    String sj = unique("acc");
    String list = queue(6);
    startOperator();
    KUBE.apply(seed(sj, list, "strategy: accurate"));
    await(Duration.ofSeconds(20), () -> jobs(sj).size() >= 6);
    Set<String> withPods = new HashSet<>();
    for (int round = 0; round < 4; round++) {
      for (V1Job j : jobs(sj)) {
        if (withPods.add(j.getMetadata().getName())) {
          pendingPod(sj, j.getMetadata().getName());
        }
      }
      if (round == 1) {
        stopOperator();
        startOperator();
      }
      Thread.sleep(1100);
    }
    assertThat(jobs(sj)).hasSize(6);
    assertThat(withPods).hasSize(6);
    assertThat(eventMessages(sj, "KEDAJobsCreated")).containsExactly("Created 6 jobs");
  }

  @Test
  void seedCustomStrategyCountsFollowTheFormulaPollByPoll() throws Exception {
    String sj = unique("cus");
    String list = queue(6);
    KUBE.apply(
        seed(
            sj,
            list,
            """
            strategy: "custom"
                customScalingQueueLengthDeduction: 1
                customScalingRunningJobPercentage: "0.5"\
            """));
    ScaledJob model = read(sj);
    JobLoop loop = loop(model, services());
    List<Integer> counts = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      loop.poll();
      counts.add(jobs(sj).size());
    }
    // maxScale 6, running r: min(6 - 1 - int(r * 0.5), 25) more, up to the queue length 6
    assertThat(counts).containsExactly(5, 8, 9, 10, 10, 10);
  }

  @Test
  void brokenScaledJobsReportTheFieldWhileOthersKeepRunning() throws Exception {
    String good = unique("good");
    String withMetricType = unique("mt");
    String noTarget = unique("nt");
    String list = queue(2);
    startOperator();
    KUBE.apply(
        seed(withMetricType, list, "strategy: default")
            .replace("- type: redis", "- type: redis\n      metricType: Value"));
    KUBE.apply(
        """
        apiVersion: keda.sh/v1alpha1
        kind: ScaledJob
        metadata: {name: %s, namespace: %s}
        spec:
          pollingInterval: 1
          triggers:
            - type: redis
              metadata: {listName: %s, listLength: "1", address: "127.0.0.1:1"}
        """
            .formatted(noTarget, ns, list));
    KUBE.apply(seed(good, list, "strategy: default"));
    await(Duration.ofSeconds(20), () -> jobs(good).size() >= 2);
    await(
        Duration.ofSeconds(20),
        () ->
            condition(withMetricType, "Ready") != null
                && "False".equals(condition(withMetricType, "Ready").getStatus()));
    await(
        Duration.ofSeconds(20),
        () ->
            condition(noTarget, "Ready") != null
                && "False".equals(condition(noTarget, "Ready").getStatus()));
    assertThat(condition(withMetricType, "Ready").getMessage())
        .contains("Cannot set metricType in ScaledJob triggers")
        .contains("spec.triggers[0].metricType");
    assertThat(condition(withMetricType, "Ready").getReason()).isEqualTo("ScaledJobCheckFailed");
    assertThat(condition(noTarget, "Ready").getMessage()).contains("spec.jobTargetRef");
    assertThat(eventMessages(withMetricType, "ScaledJobCheckFailed")).isNotEmpty();
    assertThat(jobs(withMetricType)).isEmpty();
    assertThat(jobs(noTarget)).isEmpty();
    Thread.sleep(1500);
    assertThat(jobs(good)).hasSize(2);
  }

  @Test
  void aFailingTriggerBesideAHealthyOneStillCreatesJobsAndLeaksNoSecret() throws Exception {
    String sj = unique("part");
    String list = queue(3);
    startOperator();
    KUBE.apply(
        seed(sj, list, "strategy: default")
            + """
                - type: redis
                  metadata:
                    address: "127.0.0.1:1"
                    listName: nowhere
                    listLength: "1"
                    passwordFromEnv: BAD_PASSWORD
            """);
    await(Duration.ofSeconds(20), () -> jobs(sj).size() >= 3);
    await(
        Duration.ofSeconds(20),
        () ->
            condition(sj, "Ready") != null
                && "PartialTriggerError".equals(condition(sj, "Ready").getReason()));
    Thread.sleep(1500);
    assertThat(jobs(sj)).hasSize(3);
    assertThat(condition(sj, "Ready").getStatus()).isEqualTo("Unknown");
    List<String> failures = eventMessages(sj, "KEDAScalerFailed");
    assertThat(failures).isNotEmpty().allSatisfy(m -> assertThat(m).contains("s1-redis"));
    String everything =
        KUBE.raw("GET", "/api/v1/namespaces/" + ns + "/events", null).body()
            + KUBE.raw("GET", "/apis/keda.sh/v1alpha1/namespaces/" + ns + "/scaledjobs/" + sj, null)
                .body();
    assertThat(everything).doesNotContain("s3cr3t-never-shown");
  }

  @Test
  void pausedScaledJobCreatesNoJobs() throws Exception {
    String sj = unique("pause");
    String list = queue(3);
    startOperator();
    KUBE.apply(
        seed(sj, list, "strategy: default")
            .replace(
                "metadata: {name: " + sj + ", namespace: " + ns + "}",
                "metadata: {name: "
                    + sj
                    + ", namespace: "
                    + ns
                    + ", annotations: {autoscaling.keda.sh/paused: \"true\"}}"));
    await(
        Duration.ofSeconds(20),
        () ->
            condition(sj, "Paused") != null && "True".equals(condition(sj, "Paused").getStatus()));
    Thread.sleep(1500);
    assertThat(jobs(sj)).isEmpty();
    assertThat(condition(sj, "Paused").getReason()).isEqualTo("ScaledJobPaused");
  }

  @Test
  void historyCleanupDeletesWholeBatchesWithOneRequestAndTheRestOneByOne() throws Exception {
    String sj = unique("hist");
    String list = queue(3);
    KUBE.apply(
        seed(sj, list, "strategy: default")
            .replace("successfulJobsHistoryLimit: 5", "successfulJobsHistoryLimit: 2"));
    JobLoop loop = loop(read(sj), services());
    KUBE.stats().reset();
    loop.poll();
    assertThat(jobs(sj)).hasSize(3);
    queue(list, 3);
    loop.poll();
    List<V1Job> all = jobs(sj);
    assertThat(all).hasSize(6);
    // two polls, two batch label values of three Jobs each
    Map<String, List<String>> byBatch = new java.util.TreeMap<>();
    for (V1Job j : all) {
      byBatch
          .computeIfAbsent(JobFactory.batch(j), k -> new ArrayList<>())
          .add(j.getMetadata().getName());
    }
    assertThat(byBatch.values()).extracting(List::size).containsExactly(3, 3);
    // the default strategy never needs the pods
    assertThat(KUBE.stats().count("list", "pods")).isZero();

    // first poll's Jobs finished first; each Job has a pod the deletion must take along
    List<String> order = new ArrayList<>();
    String firstBatch = JobFactory.batch(all.get(0));
    all.stream()
        .filter(j -> firstBatch.equals(JobFactory.batch(j)))
        .forEach(j -> order.add(j.getMetadata().getName()));
    all.stream()
        .filter(j -> !firstBatch.equals(JobFactory.batch(j)))
        .forEach(j -> order.add(j.getMetadata().getName()));
    java.time.OffsetDateTime t0 = java.time.OffsetDateTime.now().minusMinutes(10);
    BatchV1Api batch = new BatchV1Api(KUBE.apiClient());
    for (V1Job j : all) {
      ownedPod(j);
      j.setStatus(
          new io.kubernetes.client.openapi.models.V1JobStatus()
              .completionTime(t0.plusSeconds(order.indexOf(j.getMetadata().getName())))
              .addConditionsItem(
                  new io.kubernetes.client.openapi.models.V1JobCondition()
                      .type("Complete")
                      .status("True")));
      batch.replaceNamespacedJobStatus(j.getMetadata().getName(), ns, j).execute();
    }
    REDIS.call("DEL", list);
    KUBE.stats().reset();
    loop.poll();

    // limit 2: the 4 oldest go: the first batch whole (one deletecollection), one single DELETE
    assertThat(jobs(sj))
        .extracting(j -> j.getMetadata().getName())
        .containsExactlyInAnyOrderElementsOf(order.subList(4, 6));
    assertThat(KUBE.stats().count("deletecollection", "jobs")).isEqualTo(1);
    assertThat(KUBE.stats().count("delete", "jobs")).isEqualTo(1);
    Set<String> podsLeft = new HashSet<>();
    for (V1Pod p : new CoreV1Api(KUBE.apiClient()).listNamespacedPod(ns).execute().getItems()) {
      podsLeft.add(p.getMetadata().getName());
    }
    assertThat(podsLeft).containsExactlyInAnyOrder(order.get(4) + "-pod", order.get(5) + "-pod");
    // the next poll finds nothing more to delete
    KUBE.stats().reset();
    loop.poll();
    assertThat(
            KUBE.stats().count("deletecollection", "jobs") + KUBE.stats().count("delete", "jobs"))
        .isZero();
    assertThat(jobs(sj)).hasSize(2);
  }

  @Test
  void metricsRecordReadsErrorsLatencyAndForgetOnDeletion() throws Exception {
    String sj = unique("met");
    String list = queue(4);
    KUBE.apply(
        seed(sj, list, "strategy: default")
            + """
                - type: redis
                  name: broken
                  metadata:
                    address: "127.0.0.1:1"
                    listName: nowhere
                    listLength: "1"
                    passwordFromEnv: BAD_PASSWORD
            """);
    RecordingMetrics metrics = new RecordingMetrics();
    JobLoopServices services =
        SjKube.services(
            KUBE.apiClient(),
            cache,
            Duration.ofSeconds(2),
            writes,
            metrics,
            new KubeEventRecorder(KUBE.apiClient(), Clock.systemUTC()));
    JobLoop loop = loop(read(sj), services);
    loop.poll();
    loop.poll();
    assertThat(jobs(sj)).hasSize(4);
    synchronized (metrics) {
      assertThat(metrics.reads).isNotEmpty();
      RecordingMetrics.Read first = metrics.reads.get(0);
      assertThat(first.trigger().type()).isEqualTo(KedaMetrics.ResourceType.SCALED_JOB);
      assertThat(first.trigger().namespace()).isEqualTo(ns);
      assertThat(first.trigger().resource()).isEqualTo(sj);
      assertThat(first.trigger().triggerIndex()).isZero();
      assertThat(first.trigger().triggerType()).isEqualTo("redis");
      assertThat(first.value()).isEqualTo(4.0);
      assertThat(first.active()).isTrue();
      assertThat(metrics.scalerErrors)
          .isNotEmpty()
          .allSatisfy(
              t -> {
                assertThat(t.triggerIndex()).isEqualTo(1);
                assertThat(t.triggerName()).isEqualTo("broken");
              });
      assertThat(metrics.objectErrors)
          .isNotEmpty()
          .allMatch(("scaledjob " + ns + "/" + sj)::equals);
      assertThat(metrics.latencies)
          .containsExactly(
              "scaledjob " + ns + "/" + sj + " false", "scaledjob " + ns + "/" + sj + " false");
      // nothing recorded carries the secret
      assertThat(metrics.reads.toString() + metrics.scalerErrors)
          .doesNotContain("s3cr3t-never-shown");
    }
    new ScaledJobReconciler(
            services, scheduler, new dev.keda4j.controller.k8s.StatusPatcher(KUBE.apiClient()))
        .forget("ScaledJob " + ns + "/" + sj);
    assertThat(metrics.forgotten).containsExactly("scaledjob " + ns + "/" + sj);
  }

  @Test
  void triggerAuthenticationStatusListsTheScaledJobsUsingIt() throws Exception {
    String sj = unique("ta");
    String list = queue(1);
    KUBE.apply(
        """
        apiVersion: keda.sh/v1alpha1
        kind: TriggerAuthentication
        metadata: {name: redis-auth, namespace: %s}
        spec:
          secretTargetRef:
            - {parameter: password, name: redis-runner, key: REDIS_PASSWORD}
        """
            .formatted(ns));
    startOperator();
    KUBE.apply(
        seed(sj, list, "strategy: default") + "      authenticationRef: {name: redis-auth}\n");
    await(Duration.ofSeconds(20), () -> sj.equals(taScaledJobs()));
    await(Duration.ofSeconds(20), () -> jobs(sj).size() == 1);
    KUBE.raw("DELETE", "/apis/keda.sh/v1alpha1/namespaces/" + ns + "/scaledjobs/" + sj, null);
    await(Duration.ofSeconds(20), () -> taScaledJobs() == null);
  }

  private String taScaledJobs() {
    io.vertx.core.json.JsonObject ta =
        new io.vertx.core.json.JsonObject(
            KUBE.raw(
                    "GET",
                    "/apis/keda.sh/v1alpha1/namespaces/"
                        + ns
                        + "/triggerauthentications/redis-auth",
                    null)
                .body());
    io.vertx.core.json.JsonObject status = ta.getJsonObject("status");
    return status == null ? null : status.getString("scaledjobs");
  }

  private void ownedPod(V1Job job) throws ApiException {
    new CoreV1Api(KUBE.apiClient())
        .createNamespacedPod(
            ns,
            new V1Pod()
                .apiVersion("v1")
                .kind("Pod")
                .metadata(
                    new V1ObjectMeta()
                        .name(job.getMetadata().getName() + "-pod")
                        .labels(Map.of("job-name", job.getMetadata().getName()))
                        .addOwnerReferencesItem(
                            new io.kubernetes.client.openapi.models.V1OwnerReference()
                                .apiVersion("batch/v1")
                                .kind("Job")
                                .name(job.getMetadata().getName())
                                .uid(job.getMetadata().getUid())
                                .controller(true)))
                .spec(new V1PodSpec().addContainersItem(new V1Container().name("c").image("i")))
                .status(new V1PodStatus().phase("Succeeded")))
        .execute();
  }

  private void queue(String key, int items) {
    for (int i = 0; i < items; i++) {
      REDIS.call("RPUSH", key, "{\"more\": " + i + "}");
    }
  }

  private String unique(String prefix) {
    return "sj-" + prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private String queue(int items) {
    String key = REDIS.key();
    keys.add(key);
    for (int i = 0; i < items; i++) {
      REDIS.call("RPUSH", key, "{\"user\": " + i + "}");
    }
    return key;
  }

  /** The seed's ScaledJob with a 1 s polling interval and the given scalingStrategy body. */
  private String seed(String name, String list, String strategy) {
    return """
        apiVersion: keda.sh/v1alpha1
        kind: ScaledJob
        metadata: {name: %s, namespace: %s}
        spec:
          jobTargetRef:
            parallelism: 1
            completions: 1
            activeDeadlineSeconds: 600
            backoffLimit: 5
            template:
              spec:
                restartPolicy: Never
                containers:
                - name: redis-runner-dummy
                  image: marcelcremer/redis-runner-dummy:latest
                  imagePullPolicy: Always
                  envFrom:
                    - secretRef: { name: redis-runner }
          pollingInterval: 1
          successfulJobsHistoryLimit: 5
          failedJobsHistoryLimit: 5
          maxReplicaCount: 25
          scalingStrategy:
            %s
          triggers:
            - type: redis
              metadata:
                listName: %s
                listLength: "1"
                enableTLS: "false"
                databaseIndex: "0"
                hostFromEnv: REDIS_HOST
                portFromEnv: REDIS_PORT
                passwordFromEnv: REDIS_PASSWORD
        """
        .formatted(name, ns, strategy, list);
  }

  private JobLoopServices services() {
    return SjKube.services(KUBE.apiClient(), cache, writes);
  }

  /** A job loop as the reconciler starts it: the ScaledJob's scalers built first. */
  private static JobLoop loop(ScaledJob sj, JobLoopServices services) {
    services
        .scalers()
        .scalers(
            dev.keda4j.controller.k8s.ObjectRefs.describe(sj), services.resolver().resolve(sj));
    return new JobLoop(sj, services);
  }

  private void startOperator() throws Exception {
    scheduler = scheduler == null ? new PollScheduler(2, "sj-it") : scheduler;
    operator =
        ScaledJobOperator.start(KUBE.apiClient(), ns, services(), scheduler, Duration.ofSeconds(2));
  }

  /** Like a process restart: informer, loops and scheduler threads all end. */
  private void stopOperator() {
    if (operator != null) {
      operator.close();
      operator = null;
    }
    if (scheduler != null) {
      scheduler.close();
      scheduler = null;
    }
  }

  private List<V1Job> jobs(String sj) {
    try {
      return SjKube.jobs(KUBE.apiClient(), ns, sj);
    } catch (ApiException e) {
      throw new IllegalStateException("listing jobs failed: HTTP " + e.getCode(), e);
    }
  }

  private void pendingPod(String sj, String job) throws ApiException {
    new CoreV1Api(KUBE.apiClient())
        .createNamespacedPod(
            ns,
            new V1Pod()
                .apiVersion("v1")
                .kind("Pod")
                .metadata(
                    new V1ObjectMeta()
                        .name(job + "-pod")
                        .labels(Map.of("job-name", job, KedaApi.SCALED_JOB_NAME_LABEL, sj)))
                .spec(new V1PodSpec().addContainersItem(new V1Container().name("c").image("i")))
                .status(new V1PodStatus().phase("Pending")))
        .execute();
  }

  private ScaledJob read(String name) {
    try {
      return readOrThrow(name);
    } catch (ApiException e) {
      throw new IllegalStateException("reading " + name + " failed: HTTP " + e.getCode(), e);
    }
  }

  private ScaledJob readOrThrow(String name) throws ApiException {
    return SjKube.read(KUBE.apiClient(), ns, name);
  }

  private Condition condition(String sj, String type) {
    ScaledJob o = read(sj);
    return o.getStatus() == null
        ? null
        : ScaledJobConditions.get(o.getStatus().getConditions(), type).orElse(null);
  }

  private List<String> eventMessages(String sj, String reason) throws ApiException {
    return SjKube.eventMessages(KUBE.apiClient(), ns, sj, reason);
  }

  private static void await(Duration timeout, BooleanSupplier done) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + timeout);
      }
      Thread.sleep(100);
    }
  }
}
