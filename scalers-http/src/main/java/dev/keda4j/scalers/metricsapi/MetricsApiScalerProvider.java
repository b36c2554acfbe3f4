package dev.keda4j.scalers.metricsapi;

import dev.keda4j.scalers.config.Bound;
import dev.keda4j.scalers.config.ConfigBinder;
import dev.keda4j.scalers.config.ConfigError;
import dev.keda4j.scalers.config.ConfigException;
import dev.keda4j.scalers.http.AuthMode;
import dev.keda4j.scalers.http.HttpClients;
import dev.keda4j.scalers.http.RequestAuth;
import dev.keda4j.scalers.spi.Scaler;
import dev.keda4j.scalers.spi.ScalerContext;
import dev.keda4j.scalers.spi.ScalerProvider;
import dev.keda4j.scalers.spi.ScalerRuntime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** {@code metrics-api}. */
public final class MetricsApiScalerProvider implements ScalerProvider<MetricsApiConfig> {
  static final Set<AuthMode> APPLIED =
      EnumSet.of(AuthMode.API_KEY, AuthMode.BASIC, AuthMode.BEARER, AuthMode.CUSTOM);

  @Override
  public Set<String> triggerTypes() {
    return Set.of("metrics-api");
  }

  @Override
  public Class<MetricsApiConfig> configType() {
    return MetricsApiConfig.class;
  }

  /** Adds the rules that depend on the scalable object or on features not built yet. */
  @Override
  public Bound<MetricsApiConfig> bind(ScalerContext ctx) throws ConfigException {
    Bound<MetricsApiConfig> bound = ConfigBinder.bind(MetricsApiConfig.class, ctx);
    MetricsApiConfig c = bound.config();
    List<ConfigError> errors = new ArrayList<>();
    if (c.targetValue() == 0 && !ctx.asMetricSource()) {
      errors.add(new ConfigError("targetValue", "no targetValue given in metadata"));
    }
    if (c.aggregateFromKubeServiceEndpoints()) {
      errors.add(
          new ConfigError(
              "aggregateFromKubeServiceEndpoints",
              "aggregateFromKubeServiceEndpoints is not supported yet by keda4j"));
    }
    if (c.auth().isEnabled(AuthMode.OAUTH)) {
      errors.add(new ConfigError("authModes", "oauth auth mode is not supported yet by keda4j"));
    }
    if (!errors.isEmpty()) {
      throw new ConfigException(ctx.triggerType(), errors);
    }
    return bound;
  }

  @Override
  public Scaler create(ScalerContext ctx, MetricsApiConfig config, ScalerRuntime runtime) {
    HttpClients clients = runtime.shared(HttpClients.class, () -> new HttpClients(runtime.vertx()));
    return new MetricsApiScaler(
        ctx,
        config,
        clients.acquire(config.auth().tls(config.unsafeSsl())),
        RequestAuth.of(config.auth(), APPLIED));
  }
}
