package dev.keda4j.conformance.bench;

import dev.keda4j.scalers.spi.Scaler;
import dev.keda4j.scalers.spi.ScalerContext;
import dev.keda4j.scalers.spi.ScalerRegistry;
import dev.keda4j.scalers.spi.ScalerRuntime;
import dev.keda4j.testkit.sources.KafkaFixture;
import dev.keda4j.testkit.sources.RedisFixture;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * One poll through our scaler versus the same read with the raw client, on loopback: redis (LLEN
 * with vertx-redis-client on the shared Redis) and kafka (Admin listConsumerGroupOffsets +
 * listOffsets against KafkaFixture's in-JVM broker). Sequential polls, so latency is measured, not
 * throughput. Target: scaler p99 at most 1.5 times raw p99. Command and results in
 * docs/benchmarks.md ("Scaler poll").
 *
 * <p>Arguments: {@code [redisIterations] [kafkaIterations]} (defaults 20000, 3000); warm-up is a
 * quarter of each.
 */
public final class PollBench {
  private PollBench() {}

  /** A timed operation. */
  @FunctionalInterface
  interface Op {
    void run() throws Exception;
  }

  public static void main(String[] args) throws Exception {
    int redisN = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int kafkaN = args.length > 1 ? Integer.parseInt(args[1]) : 3_000;
    Vertx vertx = Vertx.vertx();
    ExecutorService blocking = Executors.newFixedThreadPool(4);
    try (ScalerRuntime runtime = new ScalerRuntime(vertx, blocking)) {
      ScalerRegistry registry = ScalerRegistry.load();
      System.out.printf(
          Locale.ROOT,
          "java %s, %d cpus%n",
          System.getProperty("java.version"),
          Runtime.getRuntime().availableProcessors());
      redis(registry, runtime, vertx, redisN);
      kafka(registry, runtime, kafkaN);
    } finally {
      blocking.shutdownNow();
      vertx.close().await(10, TimeUnit.SECONDS);
    }
    // the in-JVM broker leaves non-daemon threads behind, and exec:java waits for them
    System.exit(0);
  }

  private static void redis(ScalerRegistry registry, ScalerRuntime runtime, Vertx vertx, int n)
      throws Exception {
    try (RedisFixture fx = new RedisFixture()) {
      fx.start();
      String key = fx.key();
      fx.call("RPUSH", key, "a", "b", "c");
      Scaler scaler =
          registry
              .build(
                  ScalerContext.builder("redis")
                      .scalableObject("ScaledObject", "bench", "redis")
                      .metadata(Map.of("address", fx.address(), "listName", key))
                      .build(),
                  runtime)
              .scaler();
      String metric = scaler.metricSpecs().get(0).metricName();
      Redis raw = Redis.createClient(vertx, fx.uri());
      try {
        Op ours = () -> scaler.poll(metric).toCompletableFuture().get(5, TimeUnit.SECONDS);
        Op theirs =
            () ->
                raw.send(Request.cmd(Command.LLEN).arg(key))
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(5, TimeUnit.SECONDS);
        compare("redis LLEN", ours, theirs, n);
      } finally {
        scaler.close();
        raw.close();
      }
    }
  }

  private static void kafka(ScalerRegistry registry, ScalerRuntime runtime, int n)
      throws Exception {
    try (KafkaFixture fx = new KafkaFixture()) {
      fx.start();
      String topic = fx.createTopic(3);
      String group = fx.group();
      fx.produce(topic, 3, 30);
      for (int p = 0; p < 3; p++) {
        fx.commitOffset(group, topic, p, 2);
      }
      Scaler scaler =
          registry
              .build(
                  ScalerContext.builder("kafka")
                      .scalableObject("ScaledObject", "bench", "kafka")
                      .metadata(
                          Map.of(
                              "bootstrapServers",
                              fx.bootstrapServers(),
                              "consumerGroup",
                              group,
                              "topic",
                              topic))
                      .build(),
                  runtime)
              .scaler();
      String metric = scaler.metricSpecs().get(0).metricName();
      try (Admin admin =
          Admin.create(
              Map.<String, Object>of(
                  AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, fx.bootstrapServers()))) {
        Op ours = () -> scaler.poll(metric).toCompletableFuture().get(10, TimeUnit.SECONDS);
        Op theirs =
            () -> {
              Map<TopicPartition, OffsetAndMetadata> committed =
                  admin
                      .listConsumerGroupOffsets(group)
                      .partitionsToOffsetAndMetadata()
                      .get(10, TimeUnit.SECONDS);
              admin
                  .listOffsets(
                      committed.keySet().stream()
                          .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest())))
                  .all()
                  .get(10, TimeUnit.SECONDS);
            };
        compare("kafka lag", ours, theirs, n);
      } finally {
        scaler.close();
      }
    }
  }

  private static void compare(String name, Op ours, Op raw, int n) throws Exception {
    int warm = Math.max(100, n / 4);
    time(ours, warm);
    time(raw, warm);
    // interleaved rounds so that drift (JIT, GC, a busy neighbour) hits both sides alike
    long[] a = new long[n];
    long[] b = new long[n];
    int rounds = 5;
    int per = n / rounds;
    for (int r = 0; r < rounds; r++) {
      System.arraycopy(time(ours, per), 0, a, r * per, per);
      System.arraycopy(time(raw, per), 0, b, r * per, per);
    }
    long[] sa = Arrays.copyOf(a, per * rounds);
    long[] sb = Arrays.copyOf(b, per * rounds);
    Arrays.sort(sa);
    Arrays.sort(sb);
    double p50a = pct(sa, 0.50);
    double p99a = pct(sa, 0.99);
    double p50b = pct(sb, 0.50);
    double p99b = pct(sb, 0.99);
    System.out.printf(
        Locale.ROOT,
        "%-11s n=%d  scaler p50=%.1f us p99=%.1f us | raw p50=%.1f us p99=%.1f us | ratio p50=%.2f"
            + " p99=%.2f (target p99 <= 1.50) %s%n",
        name,
        sa.length,
        p50a,
        p99a,
        p50b,
        p99b,
        p50a / p50b,
        p99a / p99b,
        p99a / p99b <= 1.5 ? "OK" : "MISSED");
  }

  private static long[] time(Op op, int n) throws Exception {
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      long t = System.nanoTime();
      op.run();
      out[i] = System.nanoTime() - t;
    }
    return out;
  }

  private static double pct(long[] sorted, double q) {
    int i = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
    return sorted[Math.max(0, i)] / 1_000.0;
  }
}
