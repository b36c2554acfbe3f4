package dev.keda4j.scalers.kafka;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/** KEDA's {@code getTotalLag} (scalers.md §3.3 steps 3–5) as a pure function. */
public final class KafkaLagCalculator {
  private KafkaLagCalculator() {}

  /**
   * Lag, capping and activity.
   *
   * @param rules the trigger's lag parameters
   * @param offsets one entry per partition the latest offsets were read for
   * @param previousCommits the {@code seenCommits} of the previous poll (empty on the first)
   */
  public static LagResult calculate(
      LagRules rules, List<PartitionOffsets> offsets, Map<TopicPartition, Long> previousCommits) {
    Map<TopicPartition, Long> seen = new HashMap<>(previousCommits);
    long totalLag = 0;
    long activationLag = 0;
    int withLag = 0;
    for (PartitionOffsets p : offsets) {
      long[] lag = partitionLag(rules, p, seen);
      totalLag += lag[0];
      activationLag += lag[1];
      if (lag[0] > 0) {
        withLag++;
      }
    }
    long metricLag = cap(rules, totalLag, offsets.size(), withLag);
    return new LagResult(
        metricLag,
        activationLag,
        activationLag > rules.activationLagThreshold(),
        withLag,
        offsets.size(),
        seen);
  }

  /** {metric lag, activation lag} of one partition; records the commit when excluding. */
  static long[] partitionLag(LagRules rules, PartitionOffsets p, Map<TopicPartition, Long> seen) {
    long committed = p.committed();
    boolean noCommit = committed == PartitionOffsets.NO_COMMIT;
    if (noCommit && !rules.earliest()) {
      // a group that starts at the end has nothing to read yet, but one replica must exist to
      // commit a first offset — unless the user asked to scale to zero
      long lag = rules.scaleToZeroOnInvalidOffset() ? 0 : 1;
      return new long[] {lag, lag};
    }
    if (noCommit && rules.scaleToZeroOnInvalidOffset()) {
      return new long[] {0, 0};
    }
    if (p.latest() == null) {
      return new long[] {0, 0};
    }
    long latest = p.latest();
    if (noCommit) {
      return new long[] {latest, latest};
    }
    long lag = latest - committed;
    if (rules.excludePersistentLag()) {
      Long previous = seen.get(p.partition());
      if (previous != null && previous == committed) {
        return new long[] {0, lag};
      }
      seen.put(p.partition(), committed);
    }
    return new long[] {lag, lag};
  }

  /** Step 4: no more replicas than partitions (or partitions with lag), unless idle is allowed. */
  static long cap(LagRules rules, long totalLag, long partitions, long partitionsWithLag) {
    if (rules.allowIdleConsumers()
        && !rules.limitToPartitionsWithLag()
        && !rules.ensureEvenDistribution()) {
      return totalLag;
    }
    long lag = totalLag;
    long upper = partitions;
    if (rules.ensureEvenDistribution()) {
      lag = nextFactor(lag, partitions, rules.lagThreshold()) * rules.lagThreshold();
    }
    if (rules.limitToPartitionsWithLag()) {
      upper = partitionsWithLag;
    }
    if (lag / rules.lagThreshold() > upper) {
      lag = upper * rules.lagThreshold();
    }
    return lag;
  }

  /** The smallest factor {@code f} of {@code partitions} with {@code f × threshold ≥ lag}. */
  static long nextFactor(long lag, long partitions, long threshold) {
    for (long f : factors(partitions)) {
      if (f * threshold >= lag) {
        return f;
      }
    }
    return partitions;
  }

  /** The divisors of {@code n} in ascending order; empty for {@code n ≤ 0}. */
  static List<Long> factors(long n) {
    List<Long> small = new ArrayList<>();
    List<Long> large = new ArrayList<>();
    for (long i = 1; i * i <= n; i++) {
      if (n % i == 0) {
        small.add(i);
        if (i != n / i) {
          large.add(0, n / i);
        }
      }
    }
    small.addAll(large);
    return small;
  }
}
