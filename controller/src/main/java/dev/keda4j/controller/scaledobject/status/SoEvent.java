package dev.keda4j.controller.scaledobject.status;

import java.util.Objects;

/**
 * A Kubernetes event the shell should emit for a ScaledObject.
 *
 * @param type {@code Normal} or {@code Warning}
 * @param reason KEDA's event reason
 * @param message the text; never holds a secret because it is built from names and counts only
 */
public record SoEvent(String type, String reason, String message) {
  public static final String NORMAL = "Normal";
  public static final String WARNING = "Warning";

  public SoEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
  }

  public static SoEvent normal(String reason, String message) {
    return new SoEvent(NORMAL, reason, message);
  }

  public static SoEvent warning(String reason, String message) {
    return new SoEvent(WARNING, reason, message);
  }
}
