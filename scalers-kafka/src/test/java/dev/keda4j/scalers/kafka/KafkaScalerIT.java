package dev.keda4j.scalers.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keda4j.scalers.spi.Scaler;
import dev.keda4j.scalers.spi.ScalerContext;
import dev.keda4j.scalers.spi.ScalerRegistry;
import dev.keda4j.scalers.spi.ScalerResult;
import dev.keda4j.scalers.spi.ScalerRuntime;
import dev.keda4j.testkit.sources.KafkaFixture;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The scaler against a real KRaft broker (source-testkit's in-JVM {@link KafkaFixture}, or {@code
 * KEDA4J_KAFKA_BOOTSTRAP}). Each test uses its own topic and group.
 */
class KafkaScalerIT {
  @RegisterExtension static final KafkaFixture KAFKA = new KafkaFixture();

  private static Vertx vertx;
  private static ExecutorService blocking;
  private static ScalerRuntime runtime;
  private static final ScalerRegistry REGISTRY = ScalerRegistry.load();
  private final List<Scaler> scalers = new ArrayList<>();

  @BeforeAll
  static void startRuntime() {
    vertx = Vertx.vertx();
    blocking = Executors.newFixedThreadPool(2);
    runtime = new ScalerRuntime(vertx, blocking);
  }

  @AfterAll
  static void stopRuntime() throws Exception {
    runtime.close();
    blocking.shutdown();
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void closeScalers() {
    scalers.forEach(Scaler::close);
  }

  private Scaler scaler(String type, int index, Map<String, String> md, Duration timeout)
      throws Exception {
    ScalerContext ctx =
        ScalerContext.builder(type)
            .scalableObject("ScaledObject", "it", "app")
            .triggerIndex(index)
            .metadata(md)
            .globalHttpTimeout(timeout)
            .build();
    Scaler s = REGISTRY.build(ctx, runtime).scaler();
    scalers.add(s);
    return s;
  }

  private Scaler scaler(String group, String topic, String... kv) throws Exception {
    Map<String, String> md = new HashMap<>();
    md.put("bootstrapServers", KAFKA.bootstrapServers());
    md.put("consumerGroup", group);
    if (topic != null) {
      md.put("topic", topic);
    }
    for (int i = 0; i < kv.length; i += 2) {
      md.put(kv[i], kv[i + 1]);
    }
    return scaler("kafka", 0, md, Duration.ofSeconds(10));
  }

  private static ScalerResult poll(Scaler s) throws Exception {
    String name = s.metricSpecs().get(0).metricName();
    ScalerResult r = s.poll(name).toCompletableFuture().get(60, TimeUnit.SECONDS);
    assertThat(r.values())
        .singleElement()
        .satisfies(v -> assertThat(v.metricName()).isEqualTo(name));
    return r;
  }

  private static long lag(ScalerResult r) {
    return r.values().get(0).value().milliValue() / 1000;
  }

  private static Throwable pollFailure(Scaler s) throws Exception {
    try {
      ScalerResult r =
          s.poll(s.metricSpecs().get(0).metricName())
              .toCompletableFuture()
              .get(60, TimeUnit.SECONDS);
      throw new AssertionError("poll should have failed but returned " + r);
    } catch (ExecutionException e) {
      return e.getCause();
    }
  }

  /**
   * A unique group that never commits, so it never exists on the broker: registering it with the
   * fixture would make its cleanup fail (the broker has no such group to delete).
   */
  private static String groupWithoutCommits() {
    return "k4j-" + UUID.randomUUID();
  }

  /** A topic of 3 partitions with 10 messages each. */
  private static String topicWith30Messages() {
    String topic = KAFKA.createTopic(3);
    KAFKA.produce(topic, 3, 30);
    return topic;
  }

  /** Commits 4, 10, 7: lag 6 + 0 + 3 = 9. */
  private static String groupWithLag9(String topic) {
    String group = KAFKA.group();
    KAFKA.commitOffset(group, topic, 0, 4);
    KAFKA.commitOffset(group, topic, 1, 10);
    KAFKA.commitOffset(group, topic, 2, 7);
    return group;
  }

  @Test
  void lagIsLatestMinusCommittedSummedOverPartitions() throws Exception {
    String topic = topicWith30Messages();
    String group = groupWithLag9(topic);
    Scaler s = scaler(group, topic);
    assertThat(s.metricSpecs().get(0).metricName()).isEqualTo("s0-kafka-" + topic);
    ScalerResult r = poll(s);
    assertThat(lag(r)).isEqualTo(9);
    assertThat(r.active()).isTrue();
  }

  @Test
  void apacheKafkaAliasGivesTheSameLag() throws Exception {
    String topic = topicWith30Messages();
    String group = groupWithLag9(topic);
    Map<String, String> md =
        Map.of(
            "bootstrapServers", KAFKA.bootstrapServers(), "consumerGroup", group, "topic", topic);
    assertThat(lag(poll(scaler("apache-kafka", 1, md, Duration.ofSeconds(10))))).isEqualTo(9);
  }

  @Test
  void activationIsStrictlyAboveTheThreshold() throws Exception {
    String topic = topicWith30Messages();
    String group = groupWithLag9(topic);
    ScalerResult at = poll(scaler(group, topic, "activationLagThreshold", "9"));
    assertThat(lag(at)).isEqualTo(9);
    assertThat(at.active()).isFalse();
    assertThat(poll(scaler(group, topic, "activationLagThreshold", "8")).active()).isTrue();
  }

  @Test
  void noCommitUnderLatestCountsOnePerPartition() throws Exception {
    String topic = topicWith30Messages();
    ScalerResult r = poll(scaler(groupWithoutCommits(), topic));
    assertThat(lag(r)).isEqualTo(3);
    assertThat(r.active()).isTrue();
  }

  @Test
  void noCommitUnderLatestWithScaleToZeroOnInvalidOffsetIsZeroAndInactive() throws Exception {
    String topic = topicWith30Messages();
    ScalerResult r =
        poll(scaler(groupWithoutCommits(), topic, "scaleToZeroOnInvalidOffset", "true"));
    assertThat(lag(r)).isZero();
    assertThat(r.active()).isFalse();
  }

  @Test
  void noCommitUnderEarliestCountsWholePartitions() throws Exception {
    String topic = topicWith30Messages();
    ScalerResult r = poll(scaler(groupWithoutCommits(), topic, "offsetResetPolicy", "earliest"));
    assertThat(lag(r)).isEqualTo(30);
    ScalerResult zero =
        poll(
            scaler(
                groupWithoutCommits(),
                topic,
                "offsetResetPolicy",
                "earliest",
                "scaleToZeroOnInvalidOffset",
                "true"));
    assertThat(lag(zero)).isZero();
    assertThat(zero.active()).isFalse();
  }

  @Test
  void replicasAreCappedAtPartitionsUnlessIdleConsumersAreAllowed() throws Exception {
    String topic = topicWith30Messages();
    String group = KAFKA.group();
    KAFKA.commitOffset(group, topic, 0, 0);
    KAFKA.commitOffset(group, topic, 1, 0);
    KAFKA.commitOffset(group, topic, 2, 0);
    assertThat(lag(poll(scaler(group, topic, "lagThreshold", "2")))).isEqualTo(6);
    assertThat(lag(poll(scaler(group, topic, "lagThreshold", "2", "allowIdleConsumers", "true"))))
        .isEqualTo(30);
  }

  @Test
  void limitToPartitionsWithLagCapsAtPartitionsWithLag() throws Exception {
    String topic = topicWith30Messages();
    String group = KAFKA.group();
    KAFKA.commitOffset(group, topic, 0, 0);
    KAFKA.commitOffset(group, topic, 1, 10);
    KAFKA.commitOffset(group, topic, 2, 10);
    ScalerResult r =
        poll(scaler(group, topic, "lagThreshold", "2", "limitToPartitionsWithLag", "true"));
    assertThat(lag(r)).isEqualTo(2);
    assertThat(r.active()).isTrue();
  }

  @Test
  void partitionLimitationOnlyCountsTheListedPartitions() throws Exception {
    String topic = topicWith30Messages();
    String group = groupWithLag9(topic);
    assertThat(lag(poll(scaler(group, topic, "partitionLimitation", "0,2")))).isEqualTo(9);
    assertThat(lag(poll(scaler(group, topic, "partitionLimitation", "0")))).isEqualTo(6);
    assertThat(lag(poll(scaler(group, topic, "partitionLimitation", "1-2")))).isEqualTo(3);
  }

  @Test
  void partitionLimitationMatchingNoPartitionFailsThePoll() throws Exception {
    String topic = topicWith30Messages();
    Throwable t = pollFailure(scaler(groupWithLag9(topic), topic, "partitionLimitation", "5-7"));
    assertThat(t)
        .hasMessage("expected at least one active partition within the topic '" + topic + "'");
  }

  @Test
  void excludePersistentLagIgnoresAnUnmovedCommitOnTheNextPoll() throws Exception {
    String topic = topicWith30Messages();
    String group = groupWithLag9(topic);
    Scaler s = scaler(group, topic, "excludePersistentLag", "true");
    assertThat(lag(poll(s))).isEqualTo(9);
    ScalerResult stuck = poll(s);
    assertThat(lag(stuck)).isZero();
    assertThat(stuck.active()).isTrue();
    KAFKA.commitOffset(group, topic, 0, 5);
    assertThat(lag(poll(s))).isEqualTo(5); // partition 0 moved (5), partition 2 still stuck
  }

  @Test
  void withoutTopicTheGroupsCommittedTopicsAreSummed() throws Exception {
    String t1 = topicWith30Messages();
    String t2 = KAFKA.createTopic(1);
    KAFKA.produce(t2, 5);
    String group = groupWithLag9(t1);
    KAFKA.commitOffset(group, t2, 0, 1);
    Scaler s = scaler(group, null, "allowIdleConsumers", "true");
    assertThat(s.metricSpecs().get(0).metricName()).isEqualTo("s0-kafka-" + group + "-topics");
    assertThat(lag(poll(s))).isEqualTo(13);
  }

  @Test
  void withoutTopicAGroupWithoutCommitsHasNoLag() throws Exception {
    ScalerResult r = poll(scaler(groupWithoutCommits(), null));
    assertThat(lag(r)).isZero();
    assertThat(r.active()).isFalse();
  }

  @Test
  void missingTopicFailsThePollNamingIt() throws Exception {
    String missing = "k4j-missing-" + System.nanoTime();
    Throwable t = pollFailure(scaler(groupWithoutCommits(), missing));
    assertThat(t).isInstanceOf(KafkaScalerException.class).hasMessageContaining(missing);
  }

  @Test
  void unreachableBrokerFailsThePollWithinTheTimeout() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    String servers = "127.0.0.1:" + port;
    Map<String, String> md =
        Map.of("bootstrapServers", servers, "consumerGroup", "g", "topic", "t");
    Scaler s = scaler("kafka", 0, md, Duration.ofSeconds(1));
    long start = System.nanoTime();
    Throwable t = pollFailure(s);
    long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertThat(t).isInstanceOf(KafkaScalerException.class).hasMessageContaining(servers);
    assertThat(tookMs).isLessThan(10_000);
  }

  @Test
  void triggersOnOneClusterShareOneAdminClient() throws Exception {
    String topic = topicWith30Messages();
    String group = groupWithLag9(topic);
    KafkaAdminPool pool = runtime.shared(KafkaAdminPool.class, () -> new KafkaAdminPool(blocking));
    int before = pool.size();
    Scaler a = scaler(group, topic);
    Scaler b = scaler(group, topic, "lagThreshold", "3");
    assertThat(pool.size()).isEqualTo(before + 1);
    assertThat(lag(poll(a))).isEqualTo(9);
    assertThat(lag(poll(b))).isEqualTo(9);
    a.close();
    assertThat(pool.size()).isEqualTo(before + 1);
    b.close();
    b.close();
    assertThat(pool.size()).isEqualTo(before);
  }
}
