package dev.keda4j.scalers.nats;

/** A failed poll of the nats-jetstream scaler; the message holds no secret. */
public class NatsJetStreamException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NatsJetStreamException(String message) {
    super(message);
  }
}
