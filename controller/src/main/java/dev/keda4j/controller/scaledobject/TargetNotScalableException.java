package dev.keda4j.controller.scaledobject;

/**
 * The scaleTargetRef names a kind that has no {@code /scale} subresource (or an unknown kind). The
 * message names {@code scaleTargetRef.kind} and its apiVersion; the reconciler reports it as
 * Ready=False.
 */
public final class TargetNotScalableException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String kind;

  public TargetNotScalableException(String kind, String message) {
    super(message);
    this.kind = kind;
  }

  /** {@code scaleTargetRef.kind}. */
  public String kind() {
    return kind;
  }
}
