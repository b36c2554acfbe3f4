package dev.keda4j.controller.scaledobject;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keda4j.api.v1alpha1.KedaApi;
import dev.keda4j.api.v1alpha1.ScaledObject;
import dev.keda4j.controller.k8s.BudgetedEventRecorder;
import dev.keda4j.controller.k8s.KubeEventRecorder;
import dev.keda4j.controller.k8s.NormalEventBudget;
import dev.keda4j.controller.metrics.KedaMetrics;
import dev.keda4j.controller.scaledobject.status.Conditions;
import dev.keda4j.controller.scaling.PollScheduler;
import dev.keda4j.controller.scaling.ScalerCache;
import dev.keda4j.scalers.spi.ScalerRegistry;
import dev.keda4j.scalers.spi.ScalerRuntime;
import dev.keda4j.testkit.kube.KubeApi;
import dev.keda4j.testkit.sources.RedisFixture;
import io.vertx.core.Vertx;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Benchmark, run on demand (not an *IT, so `verify` leaves it out):
 *
 * <pre>
 * mvn -B -q -pl controller verify -Dkeda4j.buildDirectory=/tmp/k4j-so-bench -Dtest=NONE \
 *   -Dit.test=ScaledObjectBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *   [-Dbench.objects=1000 -Dbench.steadySeconds=60 -Dbench.pollingInterval=10]
 * </pre>
 *
 * 1,000 Deployments at 0 replicas and 1,000 ScaledObjects (min 0, one redis trigger each on an
 * empty list of the real Redis, so every object stays inactive). Measured with the API fixture's
 * request counters: the operator's API writes per ScaledObject until every one is Ready with its
 * HPA and a first poll written (Active=False); then the writes during a steady state of unchanged
 * metrics; and the scale loop's lag ({@code keda_internal_scale_loop_latency_seconds}: how late
 * each tick started) during that steady state. Results go to the log and to
 * target/so-benchmark.txt.
 */
class ScaledObjectBenchmark {
  private static final Logger LOG = LoggerFactory.getLogger(ScaledObjectBenchmark.class);
  private static final int OBJECTS = Integer.getInteger("bench.objects", 1000);
  private static final int STEADY_SECONDS = Integer.getInteger("bench.steadySeconds", 60);
  private static final int POLLING_INTERVAL = Integer.getInteger("bench.pollingInterval", 10);
  private static final int BATCH = 50;

  @RegisterExtension static final KubeApi KUBE = KubeApi.create();
  @RegisterExtension static final RedisFixture REDIS = new RedisFixture();

  /** Lateness of every scale-loop tick, recorded through the KedaMetrics port. */
  private final ConcurrentLinkedQueue<Duration> lateness = new ConcurrentLinkedQueue<>();

  private KedaMetrics recordingMetrics() {
    return (KedaMetrics)
        Proxy.newProxyInstance(
            KedaMetrics.class.getClassLoader(),
            new Class<?>[] {KedaMetrics.class},
            (proxy, method, args) -> {
              if ("scaleLoopLatency".equals(method.getName())) {
                lateness.add((Duration) args[args.length - 1]);
              }
              if (method.getName().equals("toString")) {
                return "recording KedaMetrics";
              }
              if (method.getName().equals("hashCode")) {
                return System.identityHashCode(proxy);
              }
              if (method.getName().equals("equals")) {
                return proxy == args[0];
              }
              return null;
            });
  }

  @Test
  void thousandScaledObjects() throws Exception {
    Vertx vertx = Vertx.vertx();
    ExecutorService blocking = Executors.newFixedThreadPool(2);
    ScalerRuntime runtime = new ScalerRuntime(vertx, blocking);
    ScalerCache cache = new ScalerCache(ScalerRegistry.load(), runtime, recordingMetrics());
    PollScheduler scheduler = new PollScheduler(4, "so-bench");
    String ns = KUBE.namespace();
    String list = REDIS.key();
    ScaledObjectOperator operator = null;
    StringBuilder report = new StringBuilder();
    try {
      for (int from = 0; from < OBJECTS; from += BATCH) {
        StringBuilder yaml = new StringBuilder();
        for (int i = from; i < Math.min(OBJECTS, from + BATCH); i++) {
          yaml.append(
              """
              ---
              apiVersion: apps/v1
              kind: Deployment
              metadata: {name: web-%d}
              spec:
                replicas: 0
                selector: {matchLabels: {app: web-%d}}
                template:
                  metadata: {labels: {app: web-%d}}
                  spec: {containers: [{name: app, image: nginx}]}
              """
                  .formatted(i, i, i));
        }
        KUBE.apply(yaml.toString());
      }
      NormalEventBudget budget =
          new NormalEventBudget(
              Integer.getInteger("bench.normalEventBurst", NormalEventBudget.DEFAULT.burst()),
              Double.parseDouble(
                  System.getProperty(
                      "bench.normalEventsPerSecond",
                      String.valueOf(NormalEventBudget.DEFAULT.perSecond()))));
      BudgetedEventRecorder events =
          new BudgetedEventRecorder(
              new KubeEventRecorder(KUBE.apiClient(), Clock.systemUTC()),
              budget,
              Clock.systemUTC(),
              null);
      line(report, "BENCH normal event budget: %s", budget);
      ScaledObjectServices services =
          SoKube.services(KUBE.apiClient(), cache, KedaMetrics.NOOP, events);
      operator =
          ScaledObjectOperator.start(
              KUBE.apiClient(), ns, services, scheduler, Duration.ofSeconds(5));
      ScaledObjectOperator op = operator;

      KUBE.stats().reset();
      long t0 = System.nanoTime();
      for (int from = 0; from < OBJECTS; from += BATCH) {
        StringBuilder yaml = new StringBuilder();
        for (int i = from; i < Math.min(OBJECTS, from + BATCH); i++) {
          yaml.append(
              """
              ---
              apiVersion: keda.sh/v1alpha1
              kind: ScaledObject
              metadata: {name: so-%d}
              spec:
                scaleTargetRef: {name: web-%d}
                pollingInterval: %d
                cooldownPeriod: 300
                minReplicaCount: 0
                maxReplicaCount: 10
                triggers:
                  - type: redis
                    metadata: {address: "%s", listName: %s, listLength: "5"}
              """
                  .formatted(i, i, POLLING_INTERVAL, REDIS.address(), list));
        }
        KUBE.apply(yaml.toString());
      }
      await(
          Duration.ofMinutes(10),
          () -> settled(op, ns) >= OBJECTS,
          () -> "settled " + settled(op, ns) + "/" + OBJECTS + " stats " + KUBE.stats());
      double createSeconds = (System.nanoTime() - t0) / 1e9;
      Map<String, Long> created = writesByResource();
      long createWrites = sum(created);
      long eventWrites = created.getOrDefault("create events", 0L);
      line(
          report,
          "BENCH create: objects=%d seconds=%.1f writes=%d writesPerObject=%.3f"
              + " writesPerObjectWithoutEvents=%.3f byResource=%s",
          OBJECTS,
          createSeconds,
          createWrites,
          createWrites / (double) OBJECTS,
          (createWrites - eventWrites) / (double) OBJECTS,
          created);
      line(report, "BENCH normal events not recorded (budget): %d", events.dropped());

      // steady state: unchanged (empty) list, nothing to change anywhere
      Thread.sleep(Duration.ofSeconds(Math.max(2, POLLING_INTERVAL)).toMillis());
      KUBE.stats().reset();
      lateness.clear();
      long s0 = System.nanoTime();
      Thread.sleep(Duration.ofSeconds(STEADY_SECONDS).toMillis());
      double steadySeconds = (System.nanoTime() - s0) / 1e9;
      Map<String, Long> steady = writesByResource();
      long steadyWrites = sum(steady);
      List<Duration> lags = new ArrayList<>(lateness);
      Collections.sort(lags);
      Map<String, Long> all = KUBE.stats().snapshot();
      line(
          report,
          "BENCH steady: seconds=%.1f writes=%d writesPerMinute=%.2f byResource=%s requests=%s",
          steadySeconds,
          steadyWrites,
          steadyWrites * 60 / steadySeconds,
          steady,
          all);
      line(
          report,
          "BENCH loop lag: ticks=%d ticksPerSecond=%.1f p50=%s p90=%s p99=%s max=%s",
          lags.size(),
          lags.size() / steadySeconds,
          pct(lags, 0.50),
          pct(lags, 0.90),
          pct(lags, 0.99),
          lags.isEmpty() ? "-" : lags.get(lags.size() - 1).toMillis() + " ms");
      Path out = Path.of(System.getProperty("keda4j.buildDirectory", "target"), "so-benchmark.txt");
      Files.createDirectories(out.getParent());
      Files.writeString(
          out, report.toString(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      assertThat(lags).isNotEmpty();
    } finally {
      if (operator != null) {
        operator.close();
      }
      scheduler.close();
      cache.close();
      runtime.close();
      blocking.shutdownNow();
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  /** Ready=True with an HPA name and a first poll written (Active no longer Unknown). */
  private static int settled(ScaledObjectOperator op, String ns) {
    int n = 0;
    for (ScaledObject so : op.scaledObjects(ns)) {
      if (so.getStatus() != null
          && so.getStatus().getHpaName() != null
          && Conditions.isTrue(so.getStatus().getConditions(), "Ready")
          && Conditions.find(so.getStatus().getConditions(), "Active")
              .map(c -> "False".equals(c.getStatus()))
              .orElse(false)) {
        n++;
      }
    }
    return n;
  }

  private static Map<String, Long> writesByResource() {
    Map<String, Long> writes = new TreeMap<>();
    KUBE.stats()
        .snapshot()
        .forEach(
            (k, v) -> {
              String verb = k.substring(0, k.indexOf(' '));
              boolean testOwn =
                  k.equals("create " + KedaApi.SCALED_OBJECTS)
                      || k.equals("update " + KedaApi.SCALED_OBJECTS)
                      || k.equals("create deployments");
              if (!testOwn
                  && List.of("create", "update", "patch", "delete", "deletecollection")
                      .contains(verb)) {
                writes.put(k, v);
              }
            });
    return writes;
  }

  private static long sum(Map<String, Long> m) {
    return m.values().stream().mapToLong(Long::longValue).sum();
  }

  private static String pct(List<Duration> sorted, double p) {
    if (sorted.isEmpty()) {
      return "-";
    }
    int i = (int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1);
    return sorted.get(Math.max(0, i)).toMillis() + " ms";
  }

  private static void line(StringBuilder report, String format, Object... args) {
    String s = String.format(format, args);
    LOG.info(s);
    System.out.println(s);
    report.append(s).append('\n');
  }

  private static void await(
      Duration timeout, BooleanSupplier done, java.util.function.Supplier<String> state)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long nextLog = System.nanoTime();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not done within " + timeout + ": " + state.get());
      }
      if (System.nanoTime() > nextLog) {
        LOG.info("BENCH waiting: {}", state.get());
        nextLog = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      }
      Thread.sleep(500);
    }
  }
}
