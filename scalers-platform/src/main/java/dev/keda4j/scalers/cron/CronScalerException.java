package dev.keda4j.scalers.cron;

/** A cron trigger that cannot be evaluated (its timezone does not load). */
public final class CronScalerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  CronScalerException(String message, Throwable cause) {
    super(message, cause);
  }
}
