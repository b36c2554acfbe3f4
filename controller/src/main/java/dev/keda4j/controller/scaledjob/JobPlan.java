package dev.keda4j.controller.scaledjob;

/**
 * The decision of one poll.
 *
 * @param active whether the ScaledJob is active (sets lastActiveTime)
 * @param scaleTo combined {@code ceil(queueLength)}
 * @param maxScale combined {@code ceil(maxValue)}
 * @param effectiveMax the most jobs that may be created (never negative)
 * @param jobsToCreate jobs to create now
 */
public record JobPlan(
    boolean active, long scaleTo, long maxScale, long effectiveMax, long jobsToCreate) {}
