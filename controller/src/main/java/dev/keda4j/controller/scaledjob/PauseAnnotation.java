package dev.keda4j.controller.scaledjob;

import dev.keda4j.api.v1alpha1.ScaledJob;
import java.util.Map;
import java.util.Set;

/** {@code autoscaling.keda.sh/paused} (crds.md §3.5). */
public final class PauseAnnotation {
  public static final String PAUSED = "autoscaling.keda.sh/paused";
  private static final Set<String> FALSE = Set.of("0", "f", "F", "false", "FALSE", "False");
  private static final Set<String> TRUE = Set.of("1", "t", "T", "true", "TRUE", "True");

  private PauseAnnotation() {}

  /** The annotation's value, or null when absent. */
  public static String value(ScaledJob sj) {
    Map<String, String> a = sj.getMetadata() == null ? null : sj.getMetadata().getAnnotations();
    return a == null ? null : a.get(PAUSED);
  }

  /** Go's ParseBool; an unparsable value pauses, as in KEDA. */
  public static boolean isPaused(ScaledJob sj) {
    String v = value(sj);
    if (v == null) {
      return false;
    }
    return TRUE.contains(v) || !FALSE.contains(v);
  }
}
