package dev.keda4j.scalers.kafka;

/**
 * The parameters that decide how offsets become a metric value (scalers.md §3.3 lag algorithm).
 *
 * @param lagThreshold target lag per replica
 * @param activationLagThreshold activation threshold
 * @param earliest {@code offsetResetPolicy: earliest}
 * @param scaleToZeroOnInvalidOffset a partition without commit counts 0
 * @param excludePersistentLag an unmoved commit adds no metric lag
 * @param allowIdleConsumers no partition cap
 * @param limitToPartitionsWithLag cap at the number of partitions with lag
 * @param ensureEvenDistribution round up to a factor of the partition count
 */
public record LagRules(
    long lagThreshold,
    long activationLagThreshold,
    boolean earliest,
    boolean scaleToZeroOnInvalidOffset,
    boolean excludePersistentLag,
    boolean allowIdleConsumers,
    boolean limitToPartitionsWithLag,
    boolean ensureEvenDistribution) {

  /** KEDA's defaults with the given threshold. */
  public static LagRules defaults(long lagThreshold) {
    return new LagRules(lagThreshold, 0, false, false, false, false, false, false);
  }
}
