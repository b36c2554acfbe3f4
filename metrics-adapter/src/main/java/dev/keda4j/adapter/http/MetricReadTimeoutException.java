package dev.keda4j.adapter.http;

/** A {@code MetricsSource} read that did not complete within its bound. */
final class MetricReadTimeoutException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  MetricReadTimeoutException(String message) {
    super(message);
  }
}
