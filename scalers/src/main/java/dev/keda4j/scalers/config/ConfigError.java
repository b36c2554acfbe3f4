package dev.keda4j.scalers.config;

/**
 * One binding problem.
 *
 * @param param the parameter name (first alias) or "" for cross-field problems
 * @param reason KEDA's message
 */
public record ConfigError(String param, String reason) {
  @Override
  public String toString() {
    return param.isEmpty() ? reason : param + ": " + reason;
  }
}
