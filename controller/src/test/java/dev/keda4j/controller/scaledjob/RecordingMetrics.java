package dev.keda4j.controller.scaledjob;

import dev.keda4j.controller.metrics.KedaMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Keeps every call, for asserting what the loop and the reconciler record. */
final class RecordingMetrics implements KedaMetrics {
  record Read(Trigger trigger, double value, boolean active, Duration latency) {}

  final List<Read> reads = new ArrayList<>();
  final List<Trigger> scalerErrors = new ArrayList<>();
  final List<String> objectErrors = new ArrayList<>();
  final List<String> latencies = new ArrayList<>();
  final List<String> forgotten = new ArrayList<>();

  @Override
  public synchronized void scalerRead(
      Trigger trigger, double value, boolean active, Duration latency) {
    reads.add(new Read(trigger, value, active, latency));
  }

  @Override
  public synchronized void scalerError(Trigger trigger) {
    scalerErrors.add(trigger);
  }

  @Override
  public synchronized void objectError(ResourceType type, String namespace, String name) {
    objectErrors.add(type.label() + " " + namespace + "/" + name);
  }

  @Override
  public synchronized void paused(String namespace, String scaledObject, boolean paused) {}

  @Override
  public synchronized void scaleLoopLatency(
      ResourceType type, String namespace, String name, Duration lateness) {
    latencies.add(type.label() + " " + namespace + "/" + name + " " + lateness.isNegative());
  }

  @Override
  public synchronized void forget(ResourceType type, String namespace, String name) {
    forgotten.add(type.label() + " " + namespace + "/" + name);
  }
}
