package dev.keda4j.scalers.http;

/** A failed poll of an HTTP scaler; the message holds no secret. */
public class HttpScalerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public HttpScalerException(String message) {
    super(message);
  }
}
