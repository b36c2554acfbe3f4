package dev.keda4j.controller.scaling;

import java.time.Duration;
import java.time.Instant;

/**
 * What a read does after a trigger's poll failed (KEDA refreshes the scaler and retries once). The
 * scale loop and the metrics API decide alike; they differ only in {@code minSpacing}: the loop
 * rebuilds on every failed tick, the metrics API (asked every 15 s by each HPA) at most once per
 * spacing, so a source that is down does not cost a rebuild per request.
 */
public final class RebuildRule {
  private RebuildRule() {}

  /** The decision. */
  public enum Action {
    /** Rebuild the failed scaler, then poll the new one. */
    REBUILD,
    /** Someone already replaced the failed scaler: poll the one held now, no rebuild. */
    POLL_CURRENT,
    /** Answer the read's error. */
    GIVE_UP
  }

  /**
   * @param stillHeld the scaler that failed is still the one the cache holds for its trigger
   * @param heldBuilt the one held now (when another) is a built scaler, not a build error
   * @param lastRebuild when this trigger was last rebuilt after a failed read, null if never
   * @param now the current time
   * @param minSpacing the shortest time between two such rebuilds ({@link Duration#ZERO}: always)
   */
  public static Action decide(
      boolean stillHeld, boolean heldBuilt, Instant lastRebuild, Instant now, Duration minSpacing) {
    if (!stillHeld) {
      return heldBuilt ? Action.POLL_CURRENT : Action.GIVE_UP;
    }
    if (lastRebuild == null || !now.isBefore(lastRebuild.plus(minSpacing))) {
      return Action.REBUILD;
    }
    return Action.GIVE_UP;
  }
}
