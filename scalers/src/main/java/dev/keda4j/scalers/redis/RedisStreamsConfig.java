package dev.keda4j.scalers.redis;

import dev.keda4j.scalers.config.ConfigError;
import dev.keda4j.scalers.config.ConfigStrings;
import dev.keda4j.scalers.config.Param;
import dev.keda4j.scalers.config.ValidatedConfig;
import java.util.List;

/**
 * {@code redis-streams}, {@code redis-cluster-streams}, {@code redis-sentinel-streams} (scalers.md
 * §3.2).
 *
 * @param stream the stream key
 * @param consumerGroup consumer group ("" ⇒ XLEN mode)
 * @param pendingEntriesCount target in XPENDING mode
 * @param streamLength target in XLEN mode
 * @param lagCount target in lag mode (non-zero enables it)
 * @param activationLagCount activation threshold for every mode
 * @param connection connection parameters
 */
public record RedisStreamsConfig(
    @Param(name = "stream", optional = true) String stream,
    @Param(name = "consumerGroup", optional = true) String consumerGroup,
    @Param(name = "pendingEntriesCount", defaultValue = "5") long pendingEntriesCount,
    @Param(name = "streamLength", defaultValue = "5") long streamLength,
    @Param(name = "lagCount", defaultValue = "0") long lagCount,
    @Param(name = "activationLagCount", defaultValue = "0") long activationLagCount,
    RedisConnectionParams connection)
    implements ValidatedConfig {

  /** What is measured. */
  public enum Mode {
    /** {@code XLEN stream}. */
    STREAM_LENGTH,
    /** {@code XPENDING stream group} summary count. */
    PENDING_ENTRIES,
    /** {@code XINFO GROUPS} lag (Redis 7+). */
    LAG
  }

  @Override
  public List<ConfigError> validate() {
    return stream.isEmpty()
        ? List.of(new ConfigError("stream", "missing redis stream name"))
        : List.of();
  }

  public Mode mode() {
    if (consumerGroup.isEmpty()) {
      return Mode.STREAM_LENGTH;
    }
    return lagCount == 0 ? Mode.PENDING_ENTRIES : Mode.LAG;
  }

  /** The target for the mode. */
  public long target() {
    return switch (mode()) {
      case STREAM_LENGTH -> streamLength;
      case PENDING_ENTRIES -> pendingEntriesCount;
      case LAG -> lagCount;
    };
  }

  @Override
  public String toString() {
    return ConfigStrings.describe(this);
  }
}
