package dev.keda4j.controller.k8s;

/**
 * A Kubernetes API call failed (anything but "not found" where that is an answer). The message
 * names the call and the HTTP status, never a request or response body.
 */
public final class KubeCallException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int code;

  public KubeCallException(String call, int code, Throwable cause) {
    super(call + " failed" + (code > 0 ? " (HTTP " + code + ")" : ": " + describe(cause)), cause);
    this.code = code;
  }

  /** The HTTP status, 0 when none was received. */
  public int code() {
    return code;
  }

  // the root cause's type says what went wrong (timeout, refused, interrupted) without echoing
  // anything the server or a request carried
  private static String describe(Throwable cause) {
    if (cause == null) {
      return "unknown error";
    }
    Throwable root = cause;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName();
  }
}
