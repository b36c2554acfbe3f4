package dev.keda4j.controller.scaledobject.activation;

/**
 * KEDA's pause annotations (scaledobject.md §8) as a pure decision for the reconciler: what to
 * stop, delete, scale and write for {@code autoscaling.keda.sh/paused}, {@code paused-replicas},
 * {@code paused-scale-in} and {@code paused-scale-out}.
 *
 * <p>Wiring (reconciler, before the target is otherwise touched): {@code PauseDecision d =
 * PausePolicy.decide(annotations, currentReplicasOrNull)}; stop the loop and delete the HPA when
 * {@link PauseDecision#stopLoop()}; {@code setReplicas(target, d.scaleTo())} when non-null; write
 * {@code status.pausedReplicaCount = d.pausedReplicaCount()}; build the HPA with selectPolicy
 * Disabled for {@link PauseDecision#hpaScaleDownDisabled()} / {@link
 * PauseDecision#hpaScaleUpDisabled()}. Re-applied on every reconcile, so a target moved by hand is
 * put back to {@code paused-replicas}.
 */
public final class PausePolicy {
  private PausePolicy() {}

  /**
   * What the pause annotations ask for.
   *
   * @param paused Paused=True (any pause, including a directional one)
   * @param stopLoop full pause: stop the scale loop and delete the HPA (replicas frozen)
   * @param scaleTo set {@code /scale spec.replicas} to this, null for no write
   * @param pausedReplicaCount {@code status.pausedReplicaCount} (null: cleared / none)
   * @param hpaScaleDownDisabled {@code paused-scale-in}: HPA scaleDown selectPolicy Disabled, no
   *     scale to zero/idle by the loop
   * @param hpaScaleUpDisabled {@code paused-scale-out}: HPA scaleUp selectPolicy Disabled, no
   *     activation by the loop
   */
  public record PauseDecision(
      boolean paused,
      boolean stopLoop,
      Integer scaleTo,
      Integer pausedReplicaCount,
      boolean hpaScaleDownDisabled,
      boolean hpaScaleUpDisabled) {

    public static final PauseDecision NONE =
        new PauseDecision(false, false, null, null, false, false);
  }

  /**
   * @param current the target's {@code /scale spec.replicas}, null when unknown (then a
   *     paused-replicas value is always written)
   * @throws IllegalArgumentException for a {@code paused-replicas} value that is not a non-negative
   *     int32 (a reconcile error, as KEDA)
   */
  public static PauseDecision decide(Annotations a, Integer current) {
    if (a.fullyPaused()) {
      if (a.pausedReplicas() == null) {
        return new PauseDecision(true, true, null, null, false, false);
      }
      int n = Annotations.parsePausedReplicas(a.pausedReplicas());
      if (n < 0) {
        throw new IllegalArgumentException(
            "invalid value \""
                + a.pausedReplicas()
                + "\" for annotation "
                + Annotations.PAUSED_REPLICAS
                + ": must not be negative");
      }
      Integer scaleTo = current != null && current == n ? null : n;
      return new PauseDecision(true, true, scaleTo, n, false, false);
    }
    if (a.pausedScaleIn() || a.pausedScaleOut()) {
      return new PauseDecision(true, false, null, null, a.pausedScaleIn(), a.pausedScaleOut());
    }
    return PauseDecision.NONE;
  }

  /**
   * Whether the annotations still pause at exactly {@code replicas} (a guard keeping a target at
   * its paused count stops doing anything the moment they no longer do). A bad value holds nothing.
   */
  public static boolean holds(Annotations a, int replicas) {
    if (!a.fullyPaused() || a.pausedReplicas() == null) {
      return false;
    }
    try {
      Integer n = decide(a, null).pausedReplicaCount();
      return n != null && n == replicas;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
