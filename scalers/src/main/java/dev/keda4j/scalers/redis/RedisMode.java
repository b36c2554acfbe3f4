package dev.keda4j.scalers.redis;

/** How a Redis scaler connects, chosen by trigger type. */
public enum RedisMode {
  /** {@code redis}, {@code redis-streams}: the first address only. */
  STANDALONE,
  /** {@code redis-cluster}, {@code redis-cluster-streams}: all addresses are cluster seeds. */
  CLUSTER,
  /** {@code redis-sentinel}, {@code redis-sentinel-streams}: addresses are sentinels. */
  SENTINEL;

  /** The mode for a trigger type ({@code redis-cluster-streams} ⇒ CLUSTER). */
  public static RedisMode forTriggerType(String type) {
    if (type.startsWith("redis-cluster")) {
      return CLUSTER;
    }
    if (type.startsWith("redis-sentinel")) {
      return SENTINEL;
    }
    return STANDALONE;
  }
}
