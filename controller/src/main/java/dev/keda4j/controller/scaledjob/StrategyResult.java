package dev.keda4j.controller.scaledjob;

/**
 * What a scaling strategy allows.
 *
 * @param effectiveMax the most jobs that may be created now (may be negative: none)
 * @param scaleTo the jobs wanted; the number created is {@code min(scaleTo, effectiveMax)}
 */
public record StrategyResult(long effectiveMax, long scaleTo) {}
