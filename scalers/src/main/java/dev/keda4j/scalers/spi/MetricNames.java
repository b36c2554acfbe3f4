package dev.keda4j.scalers.spi;

/** KEDA's metric naming: {@code s<triggerIndex>-<NormalizeString(base)>}. */
public final class MetricNames {
  private MetricNames() {}

  /** Replaces {@code / . : % ( )} with {@code -}, like KEDA's {@code util.NormalizeString}. */
  public static String normalize(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      b.append(isReplaced(c) ? '-' : c);
    }
    return b.toString();
  }

  private static boolean isReplaced(char c) {
    return c == '/' || c == '.' || c == ':' || c == '%' || c == '(' || c == ')';
  }

  /** {@code GenerateMetricNameWithIndex(index, NormalizeString(base))}. */
  public static String forTrigger(int triggerIndex, String base) {
    return "s" + triggerIndex + "-" + normalize(base);
  }
}
