package dev.keda4j.scalers.kafka;

import java.util.Objects;
import org.apache.kafka.common.TopicPartition;

/**
 * What was read for one partition.
 *
 * @param partition topic and partition
 * @param latest the log end offset, null if the broker did not report it
 * @param committed the group's committed offset, {@link #NO_COMMIT} if there is none
 */
public record PartitionOffsets(TopicPartition partition, Long latest, long committed) {
  /** Kafka's {@code -1}: the group has no (valid) commit for the partition. */
  public static final long NO_COMMIT = -1L;

  public PartitionOffsets {
    Objects.requireNonNull(partition, "partition");
  }
}
