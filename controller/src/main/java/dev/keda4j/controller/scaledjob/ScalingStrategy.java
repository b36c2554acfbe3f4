package dev.keda4j.controller.scaledjob;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code scalingStrategy.strategy} of a ScaledJob (scaledjob.md §2.4). {@code running} is already
 * reduced by {@code MinReplicaCount()}.
 */
public sealed interface ScalingStrategy
    permits ScalingStrategy.Default,
        ScalingStrategy.Custom,
        ScalingStrategy.Accurate,
        ScalingStrategy.Eager {

  StrategyResult decide(
      long maxScale, long running, long pending, long maxReplicaCount, long scaleTo);

  /**
   * Whether {@link #decide} reads {@code pending}: only then does a poll list the Jobs' pods (the
   * other strategies give the same answer whatever it is).
   */
  default boolean usesPending() {
    return false;
  }

  /** The strategy of a spec; unknown or empty names and a custom without a percentage: default. */
  static ScalingStrategy of(dev.keda4j.api.v1alpha1.ScalingStrategy spec) {
    if (spec == null || spec.getStrategy() == null) {
      return new Default();
    }
    return switch (spec.getStrategy().toLowerCase(Locale.ROOT)) {
      case "custom" -> Custom.of(spec);
      case "accurate" -> new Accurate();
      case "eager" -> new Eager();
      default -> new Default();
    };
  }

  /** Creates what the queue needs minus what already runs. */
  record Default() implements ScalingStrategy {
    @Override
    public StrategyResult decide(
        long maxScale, long running, long pending, long maxReplicaCount, long scaleTo) {
      return new StrategyResult(maxScale - running, scaleTo);
    }
  }

  /**
   * KEDA's custom strategy.
   *
   * @param deduction customScalingQueueLengthDeduction (nil ⇒ 0)
   * @param runningJobPercentage customScalingRunningJobPercentage
   */
  record Custom(long deduction, double runningJobPercentage) implements ScalingStrategy {
    // strconv.ParseFloat accepts no surrounding blanks and no Java type suffixes
    private static final Pattern FLOAT =
        Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    static ScalingStrategy of(dev.keda4j.api.v1alpha1.ScalingStrategy spec) {
      String pct = spec.getCustomScalingRunningJobPercentage();
      if (pct == null || !FLOAT.matcher(pct).matches()) {
        return new Default();
      }
      Integer deduction = spec.getCustomScalingQueueLengthDeduction();
      return new Custom(deduction == null ? 0 : deduction, Double.parseDouble(pct));
    }

    @Override
    public StrategyResult decide(
        long maxScale, long running, long pending, long maxReplicaCount, long scaleTo) {
      long byRunning = (long) ((double) running * runningJobPercentage);
      return new StrategyResult(
          Math.min(maxScale - deduction - byRunning, maxReplicaCount), scaleTo);
    }
  }

  /** Counts pending jobs against the queue so jobs not yet started are not created again. */
  record Accurate() implements ScalingStrategy {
    @Override
    public boolean usesPending() {
      return true;
    }

    @Override
    public StrategyResult decide(
        long maxScale, long running, long pending, long maxReplicaCount, long scaleTo) {
      long effectiveMax =
          maxScale + running - pending > maxReplicaCount
              ? maxReplicaCount - running
              : maxScale - pending;
      return new StrategyResult(effectiveMax, scaleTo);
    }
  }

  /** Fills every free slot up to maxReplicaCount. */
  record Eager() implements ScalingStrategy {
    @Override
    public boolean usesPending() {
      return true;
    }

    @Override
    public StrategyResult decide(
        long maxScale, long running, long pending, long maxReplicaCount, long scaleTo) {
      return new StrategyResult(
          Math.min(maxReplicaCount - running - pending, maxScale), maxReplicaCount);
    }
  }
}
