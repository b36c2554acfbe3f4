package dev.keda4j.controller.scaledobject.modifiers;

/** A scalingModifiers formula that does not compile or evaluate. */
public class FormulaException extends Exception {
  private static final long serialVersionUID = 1L;

  public FormulaException(String message) {
    super(message);
  }
}
