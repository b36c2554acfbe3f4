package dev.keda4j.scalers.kafka;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * The outcome of one lag calculation.
 *
 * @param metricLag the value reported to the HPA (after capping)
 * @param activationLag the lag the activity is decided on (persistent lag included)
 * @param active {@code activationLag > activationLagThreshold}
 * @param partitionsWithLag partitions whose metric lag is positive
 * @param partitions partitions considered
 * @param seenCommits committed offsets to remember for the next poll ({@code excludePersistentLag})
 */
public record LagResult(
    long metricLag,
    long activationLag,
    boolean active,
    int partitionsWithLag,
    int partitions,
    Map<TopicPartition, Long> seenCommits) {
  public LagResult {
    seenCommits = Map.copyOf(seenCommits);
  }
}
