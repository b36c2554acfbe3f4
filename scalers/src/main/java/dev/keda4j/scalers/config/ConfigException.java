package dev.keda4j.scalers.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Every problem found while binding one trigger's config, reported together. The message is {@code
 * error parsing <type> metadata: <reason>\n<reason>...} and contains no secret.
 */
public class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String triggerType;
  private final transient List<ConfigError> errors;

  public ConfigException(String triggerType, List<ConfigError> errors) {
    super(
        "error parsing "
            + triggerType
            + " metadata: "
            + errors.stream().map(ConfigError::reason).collect(Collectors.joining("\n")));
    this.triggerType = triggerType;
    this.errors = List.copyOf(errors);
  }

  /** One error. */
  public static ConfigException single(String triggerType, String param, String reason) {
    return new ConfigException(triggerType, List.of(new ConfigError(param, reason)));
  }

  public String triggerType() {
    return triggerType;
  }

  /** The problems as {@code param: reason} entries. */
  public List<ConfigError> errors() {
    return errors;
  }
}
