package dev.keda4j.controller.scaledjob;

/**
 * Jobs of a ScaledJob that are not finished.
 *
 * @param running not finished (pending ones included)
 * @param pending not finished and no pod has started per the pending rule
 */
public record JobCounts(long running, long pending) {}
