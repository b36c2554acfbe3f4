package dev.keda4j.scalers.kafka;

import dev.keda4j.scalers.spi.MetricSpec;
import dev.keda4j.scalers.spi.MetricTargetType;
import dev.keda4j.scalers.spi.MetricValue;
import dev.keda4j.scalers.spi.Scaler;
import dev.keda4j.scalers.spi.ScalerContext;
import dev.keda4j.scalers.spi.ScalerResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumer-group lag (KEDA's {@code kafka_scaler}): reads topics, partitions, committed and latest
 * offsets with the Admin client and hands them to {@link KafkaLagCalculator}.
 */
public final class KafkaScaler implements Scaler {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaScaler.class);

  /** Up to four Admin calls run one after the other, each bounded by the timeout. */
  private static final int SEQUENTIAL_CALLS = 4;

  private final KafkaConfig config;
  private final String name;
  private final String metricName;
  private final MetricTargetType targetType;
  private final KafkaAdminPool.Lease lease;
  private final ExecutorService blocking;
  private final Duration deadline;
  private final Set<Integer> limitedPartitions;
  private Map<TopicPartition, Long> seenCommits = Map.of();

  KafkaScaler(
      ScalerContext ctx,
      KafkaConfig config,
      KafkaAdminPool.Lease lease,
      ExecutorService blocking,
      Duration timeout) {
    this.config = config;
    this.name = ctx.triggerUniqueKey();
    this.metricName = ctx.metricName(config.metricBase());
    this.targetType = ctx.externalTargetType();
    this.lease = lease;
    this.blocking = blocking;
    this.deadline = timeout.multipliedBy(SEQUENTIAL_CALLS).plusSeconds(1);
    this.limitedPartitions = Set.copyOf(config.limitedPartitions());
  }

  @Override
  public List<MetricSpec> metricSpecs() {
    return List.of(MetricSpec.external(metricName, targetType, config.lagThreshold()));
  }

  @Override
  public CompletionStage<ScalerResult> poll(String requested) {
    return CompletableFuture.supplyAsync(lease::admin, blocking)
        .thenCompose(this::readOffsets)
        .thenApplyAsync(this::calculate, blocking)
        .orTimeout(deadline.toMillis(), TimeUnit.MILLISECONDS)
        .handle(
            (lag, err) -> {
              if (err != null) {
                throw failure(err);
              }
              LOG.debug(
                  "kafka scaler {} polled group {}: lag {}, activation lag {}, {} of {} partitions"
                      + " with lag, active {}",
                  name,
                  config.consumerGroup(),
                  lag.metricLag(),
                  lag.activationLag(),
                  lag.partitionsWithLag(),
                  lag.partitions(),
                  lag.active());
              return ScalerResult.of(MetricValue.ofCount(requested, lag.metricLag()), lag.active());
            });
  }

  private CompletableFuture<List<PartitionOffsets>> readOffsets(Admin admin) {
    return topics(admin)
        .thenCompose(topics -> partitions(admin, topics))
        .thenCompose(partitions -> offsets(admin, partitions));
  }

  /** The configured topic, or every topic the group has committed offsets for. */
  private CompletableFuture<List<String>> topics(Admin admin) {
    if (!config.topic().isEmpty()) {
      return CompletableFuture.completedFuture(List.of(config.topic()));
    }
    return call(
            admin.listConsumerGroupOffsets(config.consumerGroup()).partitionsToOffsetAndMetadata(),
            "listing the committed offsets of group " + config.consumerGroup())
        .thenApply(
            committed -> {
              Set<String> topics = new TreeSet<>();
              committed.keySet().forEach(tp -> topics.add(tp.topic()));
              return List.copyOf(topics);
            });
  }

  private CompletableFuture<List<TopicPartition>> partitions(Admin admin, List<String> topics) {
    if (topics.isEmpty()) {
      return CompletableFuture.completedFuture(List.of());
    }
    return call(admin.describeTopics(topics).allTopicNames(), "describing topics " + topics)
        .thenApply(this::activePartitions);
  }

  private List<TopicPartition> activePartitions(Map<String, TopicDescription> described) {
    List<TopicPartition> out = new ArrayList<>();
    for (TopicDescription topic : new java.util.TreeMap<>(described).values()) {
      int before = out.size();
      for (TopicPartitionInfo p : topic.partitions()) {
        if (limitedPartitions.isEmpty() || limitedPartitions.contains(p.partition())) {
          out.add(new TopicPartition(topic.name(), p.partition()));
        }
      }
      if (out.size() == before) {
        throw new KafkaScalerException(
            "expected at least one active partition within the topic '" + topic.name() + "'");
      }
    }
    return out;
  }

  private CompletableFuture<List<PartitionOffsets>> offsets(
      Admin admin, List<TopicPartition> partitions) {
    if (partitions.isEmpty()) {
      return CompletableFuture.completedFuture(List.of());
    }
    String group = config.consumerGroup();
    CompletableFuture<Map<TopicPartition, OffsetAndMetadata>> committed =
        call(
            admin
                .listConsumerGroupOffsets(
                    Map.of(group, new ListConsumerGroupOffsetsSpec().topicPartitions(partitions)))
                .partitionsToOffsetAndMetadata(group),
            "reading the committed offsets of group " + group);
    Map<TopicPartition, OffsetSpec> latestSpec = new HashMap<>();
    partitions.forEach(tp -> latestSpec.put(tp, OffsetSpec.latest()));
    CompletableFuture<Map<TopicPartition, ListOffsetsResultInfo>> latest =
        call(admin.listOffsets(latestSpec).all(), "reading the latest offsets");
    return committed.thenCombine(
        latest,
        (c, l) -> {
          List<PartitionOffsets> out = new ArrayList<>(partitions.size());
          for (TopicPartition tp : partitions) {
            ListOffsetsResultInfo end = l.get(tp);
            OffsetAndMetadata commit = c.get(tp);
            out.add(
                new PartitionOffsets(
                    tp,
                    end == null ? null : end.offset(),
                    commit == null ? PartitionOffsets.NO_COMMIT : commit.offset()));
          }
          return out;
        });
  }

  private synchronized LagResult calculate(List<PartitionOffsets> offsets) {
    LagResult r = KafkaLagCalculator.calculate(config.lagRules(), offsets, seenCommits);
    seenCommits = r.seenCommits();
    return r;
  }

  /** A Kafka call as a future whose failure names what was being done. */
  private <T> CompletableFuture<T> call(KafkaFuture<T> f, String what) {
    CompletableFuture<T> out = new CompletableFuture<>();
    f.whenComplete(
        (v, err) -> {
          if (err == null) {
            out.complete(v);
          } else {
            out.completeExceptionally(
                new KafkaScalerException(
                    "kafka: "
                        + what
                        + " on "
                        + String.join(",", config.bootstrapServers())
                        + " failed: "
                        + describe(unwrap(err)),
                    unwrap(err)));
          }
        });
    return out;
  }

  private KafkaScalerException failure(Throwable err) {
    Throwable cause = unwrap(err);
    if (cause instanceof KafkaScalerException k) {
      return k;
    }
    if (cause instanceof TimeoutException) {
      return new KafkaScalerException(
          "kafka: no answer from "
              + String.join(",", config.bootstrapServers())
              + " within "
              + deadline.toMillis()
              + " ms for group "
              + config.consumerGroup(),
          cause);
    }
    return new KafkaScalerException(
        "kafka: polling group "
            + config.consumerGroup()
            + " on "
            + String.join(",", config.bootstrapServers())
            + " failed: "
            + describe(cause),
        cause);
  }

  private static Throwable unwrap(Throwable t) {
    Throwable c = t;
    while ((c instanceof CompletionException
            || c instanceof java.util.concurrent.ExecutionException)
        && c.getCause() != null) {
      c = c.getCause();
    }
    return c;
  }

  private static String describe(Throwable t) {
    return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
  }

  @Override
  public void close() {
    lease.close();
  }

  @Override
  public String toString() {
    return "KafkaScaler[" + name + ", " + metricName + ", group=" + config.consumerGroup() + "]";
  }
}
