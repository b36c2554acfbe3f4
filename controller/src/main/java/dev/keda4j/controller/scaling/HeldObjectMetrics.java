package dev.keda4j.controller.scaling;

import dev.keda4j.controller.metrics.KedaMetrics;
import java.time.Duration;

/**
 * The {@code keda_*} recordings of one object's loop or reads, made only while the {@link
 * ScalerCache} holds that object's scalers ({@link ScalerCache#whileHeld}). A tick or read that
 * finishes after its object was forgotten then records nothing, so no series of a deleted object
 * comes back after the reconciler dropped them. Dropping series ({@link #forget}, {@link #deleted})
 * always goes through.
 */
final class HeldObjectMetrics implements KedaMetrics {
  private final ScalerCache cache;
  private final String objectKey;
  private final KedaMetrics target;

  HeldObjectMetrics(ScalerCache cache, String objectKey, KedaMetrics target) {
    this.cache = cache;
    this.objectKey = objectKey;
    this.target = target;
  }

  @Override
  public void scalerRead(Trigger trigger, double value, boolean active, Duration latency) {
    cache.whileHeld(objectKey, () -> target.scalerRead(trigger, value, active, latency));
  }

  @Override
  public void scalerError(Trigger trigger) {
    cache.whileHeld(objectKey, () -> target.scalerError(trigger));
  }

  @Override
  public void objectError(ResourceType type, String namespace, String name) {
    cache.whileHeld(objectKey, () -> target.objectError(type, namespace, name));
  }

  @Override
  public void paused(String namespace, String scaledObject, boolean paused) {
    cache.whileHeld(objectKey, () -> target.paused(namespace, scaledObject, paused));
  }

  @Override
  public void scaleLoopLatency(
      ResourceType type, String namespace, String name, Duration lateness) {
    cache.whileHeld(objectKey, () -> target.scaleLoopLatency(type, namespace, name, lateness));
  }

  @Override
  public void forget(ResourceType type, String namespace, String name) {
    target.forget(type, namespace, name);
  }

  @Override
  public void deleted(ResourceType type, String namespace, String name) {
    target.deleted(type, namespace, name);
  }
}
