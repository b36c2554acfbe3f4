package dev.keda4j.scalers.external;

import dev.keda4j.scalers.config.ConfigError;
import dev.keda4j.scalers.config.ConfigException;
import java.util.List;

/**
 * The scaler could not be built because its server did not give metric specs (unreachable,
 * refusing, slow, or an empty answer). A {@link ConfigException} so the scaler cache keeps the
 * message and rebuilds the trigger later, but its message says what happened instead of "error
 * parsing external metadata".
 */
public final class ScalerUnavailableException extends ConfigException {
  private static final long serialVersionUID = 1L;

  private final String message;

  ScalerUnavailableException(String triggerType, String message, Throwable cause) {
    super(triggerType, List.of(new ConfigError("scalerAddress", message)));
    this.message = triggerType + ": " + message;
    if (cause != null) {
      initCause(cause);
    }
  }

  @Override
  public String getMessage() {
    return message;
  }
}
