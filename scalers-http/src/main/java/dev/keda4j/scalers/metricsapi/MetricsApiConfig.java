package dev.keda4j.scalers.metricsapi;

import dev.keda4j.scalers.config.ConfigStrings;
import dev.keda4j.scalers.config.Param;
import dev.keda4j.scalers.http.AuthModes;
import java.time.Duration;

/**
 * {@code metrics-api} trigger metadata (scalers.md §3.12).
 *
 * @param targetValue 0 when unset; required unless the object uses scalingModifiers, which the
 *     provider checks because it depends on the object, not the trigger
 * @param timeout null when unset: the global HTTP timeout applies
 */
public record MetricsApiConfig(
    @Param(name = "url") String url,
    @Param(name = "valueLocation") String valueLocation,
    @Param(
            name = "format",
            defaultValue = "json",
            enumValues = {"json", "prometheus", "xml", "yaml"})
        String format,
    @Param(name = "targetValue", optional = true) double targetValue,
    @Param(name = "activationTargetValue", defaultValue = "0") double activationTargetValue,
    @Param(name = "unsafeSsl", defaultValue = "false") boolean unsafeSsl,
    @Param(name = "timeout", optional = true) Duration timeout,
    @Param(name = "aggregateFromKubeServiceEndpoints", defaultValue = "false")
        boolean aggregateFromKubeServiceEndpoints,
    @Param(
            name = "aggregationType",
            defaultValue = "average",
            enumValues = {"average", "sum", "max", "min"})
        String aggregationType,
    AuthModes auth) {

  public ResponseFormat responseFormat() {
    return ResponseFormat.of(format);
  }

  /** The request timeout: {@code timeout} or the global one. */
  public Duration effectiveTimeout(Duration global) {
    return timeout == null || timeout.isZero() ? global : timeout;
  }

  @Override
  public String toString() {
    return ConfigStrings.describe(this);
  }
}
