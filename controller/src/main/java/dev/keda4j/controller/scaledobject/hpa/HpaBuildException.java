package dev.keda4j.controller.scaledobject.hpa;

/** The HPA cannot be built from the metric specs; the message is KEDA's. */
public class HpaBuildException extends Exception {
  private static final long serialVersionUID = 1L;

  public HpaBuildException(String message) {
    super(message);
  }
}
