package dev.keda4j.adapter.selector;

/** A label selector that cannot be parsed or converted; the message is the Kubernetes text. */
public final class SelectorException extends Exception {
  private static final long serialVersionUID = 1L;

  public SelectorException(String message) {
    super(message);
  }
}
