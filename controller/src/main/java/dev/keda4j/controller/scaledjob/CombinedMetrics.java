package dev.keda4j.controller.scaledjob;

/**
 * The triggers of a ScaledJob combined into one reading.
 *
 * @param active whether jobs may be created at all this poll
 * @param scaleTo {@code ceil(queueLength)}: the raw queue length
 * @param maxScale {@code ceil(maxValue)}: jobs the queue needs given the target value
 */
public record CombinedMetrics(boolean active, long scaleTo, long maxScale) {}
