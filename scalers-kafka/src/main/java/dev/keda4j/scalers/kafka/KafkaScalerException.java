package dev.keda4j.scalers.kafka;

/** A failed Kafka read; the message names the call, the group and the cause, never a secret. */
public class KafkaScalerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public KafkaScalerException(String message) {
    super(message);
  }

  public KafkaScalerException(String message, Throwable cause) {
    super(message, cause);
  }
}
