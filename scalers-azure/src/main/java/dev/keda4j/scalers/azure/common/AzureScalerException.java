package dev.keda4j.scalers.azure.common;

import com.azure.core.exception.HttpResponseException;

/**
 * A failed Azure read: the poll fails, it never reads as zero. The SDK's exception is not kept as
 * the cause because its message and its own causes are not guaranteed free of credentials; its
 * class and redacted message are folded into this message instead.
 */
public class AzureScalerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public AzureScalerException(String message) {
    super(message);
  }

  /** {@code <what> failed: <cause type>: <cause message>} with the connection's secrets masked. */
  public static AzureScalerException of(String what, Throwable cause, String connectionString) {
    Throwable root = unwrap(cause);
    String status =
        root instanceof HttpResponseException h && h.getResponse() != null
            ? " (HTTP " + h.getResponse().getStatusCode() + ")"
            : "";
    String detail =
        root.getClass().getSimpleName()
            + status
            + ": "
            + ConnectionStrings.redact(String.valueOf(root.getMessage()), connectionString);
    return new AzureScalerException(what + " failed: " + detail);
  }

  private static Throwable unwrap(Throwable t) {
    Throwable cur = t;
    while ((cur instanceof java.util.concurrent.CompletionException
            || cur instanceof java.util.concurrent.ExecutionException)
        && cur.getCause() != null) {
      cur = cur.getCause();
    }
    return cur;
  }
}
