package dev.keda4j.scalers.sql;

import dev.keda4j.scalers.spi.Scaler;
import dev.keda4j.scalers.spi.ScalerResult;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Blocking helpers for polling scalers in tests. */
public final class ScalerPolls {
  private ScalerPolls() {}

  /** The poll's result; fails the test if it takes longer than 20 s. */
  public static ScalerResult poll(Scaler s, String metricName) throws Exception {
    return s.poll(metricName).toCompletableFuture().get(20, TimeUnit.SECONDS);
  }

  /** The cause a failed poll completed with; fails if the poll succeeded. */
  public static Throwable failure(Scaler s, String metricName)
      throws InterruptedException, TimeoutException {
    try {
      ScalerResult r = s.poll(metricName).toCompletableFuture().get(20, TimeUnit.SECONDS);
      throw new AssertionError("expected a failed poll, got " + r);
    } catch (ExecutionException e) {
      return e.getCause();
    }
  }
}
