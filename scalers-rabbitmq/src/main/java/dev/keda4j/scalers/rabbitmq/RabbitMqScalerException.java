package dev.keda4j.scalers.rabbitmq;

/** A failed RabbitMQ read; the poll fails, it never reads as zero. Messages carry no secret. */
public class RabbitMqScalerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RabbitMqScalerException(String message) {
    super(message);
  }

  public RabbitMqScalerException(String message, Throwable cause) {
    super(message, cause);
  }
}
