package dev.keda4j.controller.k8s;

/**
 * A token bucket on a caller's clock: holds at most {@code burst} tokens, starts full and refills
 * {@code perSecond} tokens a second. Pure and not thread-safe; callers synchronize.
 */
public final class TokenBucket {
  private final double burst;
  private final double perMilli;
  private double tokens;
  private long lastMillis;

  /**
   * @param burst the most tokens held (and the start), &gt;= 0
   * @param perSecond the refill rate, &gt;= 0 (0: the burst is all there ever is)
   * @param nowMillis the clock's time at the start
   */
  public TokenBucket(int burst, double perSecond, long nowMillis) {
    if (burst < 0 || perSecond < 0 || Double.isNaN(perSecond) || Double.isInfinite(perSecond)) {
      throw new IllegalArgumentException(
          "burst and perSecond must be >= 0, got " + burst + " and " + perSecond);
    }
    this.burst = burst;
    this.perMilli = perSecond / 1000.0;
    this.tokens = burst;
    this.lastMillis = nowMillis;
  }

  /**
   * Takes one token if there is one at {@code nowMillis}.
   *
   * @return true when a token was taken
   */
  public boolean tryTake(long nowMillis) {
    if (nowMillis > lastMillis) {
      tokens = Math.min(burst, tokens + (nowMillis - lastMillis) * perMilli);
      lastMillis = nowMillis;
    }
    // a clock going backwards refills nothing and is otherwise ignored
    if (tokens >= 1.0) {
      tokens -= 1.0;
      return true;
    }
    return false;
  }
}
