package dev.keda4j.scalers.redis;

/** A failed Redis read; the poll fails, it never reads as zero. */
public class RedisScalerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RedisScalerException(String message, Throwable cause) {
    super(cause == null ? message : message + ": " + cause.getMessage(), cause);
  }

  public RedisScalerException(String message) {
    super(message);
  }
}
