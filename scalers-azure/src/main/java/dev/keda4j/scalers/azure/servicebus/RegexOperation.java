package dev.keda4j.scalers.azure.servicebus;

import java.util.List;
import java.util.Locale;

/** How the counts of the entities a regex matches are combined (KEDA's {@code operation}). */
public enum RegexOperation {
  SUM,
  MAX,
  /** Integer mean, like KEDA's {@code total / n}. */
  AVG;

  /** The operation named {@code name} (sum, max, avg). */
  public static RegexOperation parse(String name) {
    return valueOf(name.trim().toUpperCase(Locale.ROOT));
  }

  /** The combined count; 0 when nothing matched. */
  public long apply(List<Long> counts) {
    if (counts.isEmpty()) {
      return 0;
    }
    return switch (this) {
      case SUM -> counts.stream().mapToLong(Long::longValue).sum();
      case MAX -> counts.stream().mapToLong(Long::longValue).max().orElse(0);
      case AVG -> counts.stream().mapToLong(Long::longValue).sum() / counts.size();
    };
  }
}
