package dev.keda4j.scalers.redis;

import dev.keda4j.scalers.config.ConfigStrings;
import dev.keda4j.scalers.config.Param;

/**
 * {@code redis}, {@code redis-cluster}, {@code redis-sentinel} (scalers.md §3.1).
 *
 * @param listName the key whose length is measured
 * @param listLength target per replica
 * @param activationListLength activation threshold
 * @param connection connection parameters
 */
public record RedisListConfig(
    @Param(name = "listName") String listName,
    @Param(name = "listLength", defaultValue = "5") long listLength,
    @Param(name = "activationListLength", defaultValue = "0") long activationListLength,
    RedisConnectionParams connection) {

  @Override
  public String toString() {
    return ConfigStrings.describe(this);
  }
}
