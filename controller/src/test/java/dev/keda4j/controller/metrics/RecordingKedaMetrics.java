package dev.keda4j.controller.metrics;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link KedaMetrics} test double that keeps the successful reads, counts the failed ones and
 * notes which objects were reported {@link #deleted deleted}; every other call is dropped. Safe to
 * call from the loops' threads.
 */
public final class RecordingKedaMetrics implements KedaMetrics {
  private final Queue<String> reads = new ConcurrentLinkedQueue<>();
  private final AtomicInteger scalerErrors = new AtomicInteger();
  private final Queue<String> deleted = new ConcurrentLinkedQueue<>();

  /**
   * Successful reads in order, as {@code ns/resource trigger <index> <type> <metric> value=<v>
   * active=<a>}.
   */
  public Queue<String> reads() {
    return reads;
  }

  /** How many {@link #scalerError} calls were made. */
  public int scalerErrors() {
    return scalerErrors.get();
  }

  /** Whether {@link #deleted} was called for the object. */
  public boolean wasDeleted(ResourceType type, String namespace, String name) {
    return deleted.contains(type + " " + namespace + "/" + name);
  }

  @Override
  public void scalerRead(Trigger t, double value, boolean active, Duration latency) {
    reads.add(
        t.namespace()
            + "/"
            + t.resource()
            + " trigger "
            + t.triggerIndex()
            + " "
            + t.triggerType()
            + " "
            + t.metricName()
            + " value="
            + value
            + " active="
            + active);
  }

  @Override
  public void scalerError(Trigger trigger) {
    scalerErrors.incrementAndGet();
  }

  @Override
  public void objectError(ResourceType type, String namespace, String name) {}

  @Override
  public void paused(String namespace, String scaledObject, boolean paused) {}

  @Override
  public void scaleLoopLatency(
      ResourceType type, String namespace, String name, Duration lateness) {}

  @Override
  public void forget(ResourceType type, String namespace, String name) {}

  @Override
  public void deleted(ResourceType type, String namespace, String name) {
    deleted.add(type + " " + namespace + "/" + name);
  }
}
