package dev.keda4j.api.v1alpha1;

/** Effective replica counts derived from a spec, exactly as KEDA computes them. */
public final class ReplicaCounts {
  /** KEDA's default maxReplicaCount. */
  public static final int DEFAULT_MAX_REPLICA_COUNT = 100;

  private ReplicaCounts() {}

  /**
   * ScaledJob {@code MinReplicaCount()}: spec min (0 if unset); if both set and min &gt; max, max.
   */
  public static int scaledJobMin(Integer min, Integer max) {
    if (min == null) {
      return 0;
    }
    if (max != null && min > max) {
      return max;
    }
    return min;
  }

  /**
   * ScaledJob {@code MaxReplicaCount()}: 100 if max unset (min not subtracted); max if min &gt;
   * max; else max - min.
   */
  public static int scaledJobMax(Integer min, Integer max) {
    if (max == null) {
      return DEFAULT_MAX_REPLICA_COUNT;
    }
    int m = min == null ? 0 : min;
    if (m > max) {
      return max;
    }
    return max - m;
  }

  /** ScaledObject {@code GetHPAMinReplicas()}: spec min, mapped to 1 when 0 or unset. */
  public static int hpaMinReplicas(Integer min) {
    return min == null || min == 0 ? 1 : min;
  }

  /** ScaledObject {@code GetHPAMaxReplicas()}: spec max, 100 when unset. */
  public static int hpaMaxReplicas(Integer max) {
    return max == null ? DEFAULT_MAX_REPLICA_COUNT : max;
  }
}
