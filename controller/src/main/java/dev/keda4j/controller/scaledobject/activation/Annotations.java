package dev.keda4j.controller.scaledobject.activation;

import java.util.Map;
import java.util.Set;

/**
 * The ScaledObject annotations KEDA reads (crds.md §2.5), parsed the way KEDA parses them.
 *
 * @param paused {@code autoscaling.keda.sh/paused}
 * @param pausedReplicas raw value of {@code autoscaling.keda.sh/paused-replicas}, null if absent
 * @param pausedScaleIn {@code autoscaling.keda.sh/paused-scale-in}
 * @param pausedScaleOut {@code autoscaling.keda.sh/paused-scale-out}
 * @param forceActivation {@code autoscaling.keda.sh/force-activation}
 */
public record Annotations(
    boolean paused,
    String pausedReplicas,
    boolean pausedScaleIn,
    boolean pausedScaleOut,
    boolean forceActivation) {
  public static final String PAUSED = "autoscaling.keda.sh/paused";
  public static final String PAUSED_REPLICAS = "autoscaling.keda.sh/paused-replicas";
  public static final String PAUSED_SCALE_IN = "autoscaling.keda.sh/paused-scale-in";
  public static final String PAUSED_SCALE_OUT = "autoscaling.keda.sh/paused-scale-out";
  public static final String FORCE_ACTIVATION = "autoscaling.keda.sh/force-activation";
  public static final String HPA_EXCLUDED_LABELS = "scaledobject.keda.sh/hpa-excluded-labels";
  public static final String TRANSFER_HPA_OWNERSHIP = "scaledobject.keda.sh/transfer-hpa-ownership";

  private static final Set<String> GO_FALSE = Set.of("0", "f", "F", "FALSE", "false", "False");
  private static final Set<String> GO_TRUE = Set.of("1", "t", "T", "TRUE", "true", "True");

  public static final Annotations NONE = new Annotations(false, null, false, false, false);

  public static Annotations of(Map<String, String> annotations) {
    if (annotations == null) {
      return NONE;
    }
    return new Annotations(
        flag(annotations, PAUSED),
        annotations.get(PAUSED_REPLICAS),
        flag(annotations, PAUSED_SCALE_IN),
        flag(annotations, PAUSED_SCALE_OUT),
        flag(annotations, FORCE_ACTIVATION));
  }

  /** Full pause: {@code paused} true, or {@code paused-replicas} present whatever its value. */
  public boolean fullyPaused() {
    return paused || pausedReplicas != null;
  }

  /** Any pause, including the directional ones: the Paused condition is then True. */
  public boolean anyPause() {
    return fullyPaused() || pausedScaleIn || pausedScaleOut;
  }

  /**
   * Go's {@code strconv.ParseBool} with KEDA's twist: an unparsable value counts as true, an absent
   * one as false.
   */
  static boolean flag(Map<String, String> annotations, String key) {
    String v = annotations.get(key);
    if (v == null) {
      return false;
    }
    if (GO_TRUE.contains(v)) {
      return true;
    }
    return !GO_FALSE.contains(v);
  }

  /** The paused-replicas value as int32 base 10; a bad value is a reconcile error. */
  public static int parsePausedReplicas(String raw) {
    try {
      return Integer.parseInt(raw, 10);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "invalid value \"" + raw + "\" for annotation " + PAUSED_REPLICAS, e);
    }
  }
}
