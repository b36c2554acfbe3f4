package dev.keda4j.controller.scaledjob;

/**
 * What one External metric spec of one trigger contributed to a poll (KEDA's {@code
 * ScalerMetrics}).
 *
 * @param queueLength the summed metric values named like the scaler's first spec
 * @param maxValue queueLength / target average value, capped at {@code MaxReplicaCount()}
 * @param active whether any spec of this trigger was active so far
 */
public record TriggerMetric(double queueLength, double maxValue, boolean active) {}
