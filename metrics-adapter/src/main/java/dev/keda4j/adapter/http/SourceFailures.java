package dev.keda4j.adapter.http;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Status messages for failed metric reads, worded as KEDA's adapter reports them: its operator
 * errors reach the HPA through gRPC, so they read {@code rpc error: code = Unknown desc = <error>},
 * and a read past the deadline reads {@code rpc error: code = DeadlineExceeded desc = context
 * deadline exceeded}. Keeping the words keeps HPA conditions and alerts built for KEDA working.
 */
final class SourceFailures {
  static final String DEADLINE_EXCEEDED =
      "rpc error: code = DeadlineExceeded desc = context deadline exceeded";

  private SourceFailures() {}

  static String message(Throwable failure) {
    Throwable cause = unwrap(failure);
    if (cause instanceof MetricReadTimeoutException) {
      return DEADLINE_EXCEEDED;
    }
    String text = cause.getMessage();
    if (text == null || text.isBlank()) {
      text = cause.getClass().getSimpleName();
    }
    return "rpc error: code = Unknown desc = " + text;
  }

  static Throwable unwrap(Throwable failure) {
    Throwable t = failure;
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
