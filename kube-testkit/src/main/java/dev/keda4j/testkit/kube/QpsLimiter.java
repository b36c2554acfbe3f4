package dev.keda4j.testkit.kube;

/**
 * A token bucket: {@code qps} tokens a second, at most {@code burst} saved up. {@link #reserve()}
 * takes one token and says how long the caller must wait before it may use it, so the proxy can
 * delay on a timer and a blocking client can sleep.
 */
final class QpsLimiter {

  private final double intervalNanos;
  private final double toleranceNanos;
  private double theoreticalArrival;

  QpsLimiter(double qps, int burst) {
    if (qps <= 0 || burst < 1) {
      throw new IllegalArgumentException("qps must be > 0 and burst >= 1");
    }
    this.intervalNanos = 1_000_000_000d / qps;
    this.toleranceNanos = intervalNanos * (burst - 1);
    this.theoreticalArrival = System.nanoTime();
  }

  /** Takes one token; returns the milliseconds to wait before using it (0 when one is free now). */
  synchronized long reserve() {
    double now = System.nanoTime();
    double arrival = Math.max(theoreticalArrival, now);
    theoreticalArrival = arrival + intervalNanos;
    double wait = arrival - toleranceNanos - now;
    return wait <= 0 ? 0 : (long) Math.ceil(wait / 1_000_000d);
  }
}
