package dev.keda4j.scalers.prometheus;

import dev.keda4j.scalers.config.ConfigStrings;
import dev.keda4j.scalers.config.Param;
import dev.keda4j.scalers.http.AuthModes;
import java.time.Duration;
import java.util.Map;

/**
 * {@code prometheus} trigger metadata (scalers.md §3.7).
 *
 * @param timeout null when unset: the global HTTP timeout applies
 */
public record PrometheusConfig(
    @Param(name = "serverAddress") String serverAddress,
    @Param(name = "query") String query,
    @Param(name = "threshold") double threshold,
    @Param(name = "activationThreshold", defaultValue = "0") double activationThreshold,
    @Param(name = "queryParameters", optional = true) Map<String, String> queryParameters,
    @Param(name = "namespace", optional = true) String namespace,
    @Param(name = "customHeaders", optional = true) Map<String, String> customHeaders,
    @Param(name = "cortexOrgID", optional = true, deprecated = "use customHeaders instead")
        String cortexOrgId,
    @Param(name = "ignoreNullValues", defaultValue = "true") boolean ignoreNullValues,
    @Param(name = "unsafeSsl", defaultValue = "false") boolean unsafeSsl,
    @Param(name = "timeout", optional = true) Duration timeout,
    @Param(
            name = "awsRegion",
            order = {
              dev.keda4j.scalers.config.Source.TRIGGER_METADATA,
              dev.keda4j.scalers.config.Source.AUTH_PARAMS
            },
            optional = true)
        String awsRegion,
    @Param(name = "identityOwner", optional = true) String identityOwner,
    AuthModes auth) {

  /** The request timeout: {@code timeout} or the global one. */
  public Duration effectiveTimeout(Duration global) {
    return timeout == null || timeout.isZero() ? global : timeout;
  }

  @Override
  public String toString() {
    return ConfigStrings.describe(this);
  }
}
