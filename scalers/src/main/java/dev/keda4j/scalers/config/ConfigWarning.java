package dev.keda4j.scalers.config;

/**
 * A non-fatal binding finding the controller turns into an event.
 *
 * @param kind what it is
 * @param param the metadata key or parameter concerned
 * @param message the event message (never contains a secret value)
 */
public record ConfigWarning(Kind kind, String param, String message) {
  /** Kinds of warnings. */
  public enum Kind {
    /** A metadata key no parameter declares (Warning event {@code KEDAScalerInfo}). */
    UNMATCHED_PARAM,
    /** A {@code deprecatedAnnounce} parameter was used (Normal event {@code KEDAScalerInfo}). */
    DEPRECATION_NOTICE
  }
}
