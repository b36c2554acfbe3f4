package dev.keda4j.controller.k8s;

/**
 * How many Normal events the controller process records: a burst, refilled at a steady rate.
 * Warning events are never limited. {@link #OFF} (burst 0) records every Normal event, as KEDA
 * does.
 *
 * @param burst Normal events that may go out at once; 0 turns the budget off (unlimited)
 * @param perSecond Normal events per second refilled into the burst (0: only the burst, ever)
 */
public record NormalEventBudget(int burst, double perSecond) {
  /** keda4j's default: 25 at once, then one a second. */
  public static final NormalEventBudget DEFAULT = new NormalEventBudget(25, 1.0);

  /** No budget: every Normal event is recorded (KEDA parity). */
  public static final NormalEventBudget OFF = new NormalEventBudget(0, 0);

  public NormalEventBudget {
    if (burst < 0) {
      throw new IllegalArgumentException("the Normal event burst must be >= 0, got " + burst);
    }
    if (perSecond < 0 || Double.isNaN(perSecond) || Double.isInfinite(perSecond)) {
      throw new IllegalArgumentException(
          "Normal events per second must be a number >= 0, got " + perSecond);
    }
  }

  /** True when every Normal event is recorded. */
  public boolean off() {
    return burst == 0;
  }

  @Override
  public String toString() {
    return off() ? "unlimited" : burst + " at once, " + perSecond + "/s";
  }
}
