package dev.keda4j.controller.scaledjob;

/**
 * An event to record.
 *
 * @param type Normal or Warning
 * @param reason KEDA's reason
 * @param message the message (no secrets)
 */
public record EventSpec(String type, String reason, String message) {}
