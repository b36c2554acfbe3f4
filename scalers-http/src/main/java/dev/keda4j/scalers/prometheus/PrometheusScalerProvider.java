package dev.keda4j.scalers.prometheus;

import dev.keda4j.scalers.http.AuthMode;
import dev.keda4j.scalers.http.HttpClients;
import dev.keda4j.scalers.http.RequestAuth;
import dev.keda4j.scalers.spi.Scaler;
import dev.keda4j.scalers.spi.ScalerContext;
import dev.keda4j.scalers.spi.ScalerProvider;
import dev.keda4j.scalers.spi.ScalerRuntime;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;

/** {@code prometheus}. */
public final class PrometheusScalerProvider implements ScalerProvider<PrometheusConfig> {
  /** KEDA's prometheus transport applies these; oauth and apiKey are accepted but not applied. */
  static final Set<AuthMode> APPLIED = EnumSet.of(AuthMode.BEARER, AuthMode.BASIC, AuthMode.CUSTOM);

  @Override
  public Set<String> triggerTypes() {
    return Set.of("prometheus");
  }

  @Override
  public Class<PrometheusConfig> configType() {
    return PrometheusConfig.class;
  }

  @Override
  public Scaler create(ScalerContext ctx, PrometheusConfig config, ScalerRuntime runtime) {
    HttpClients clients = runtime.shared(HttpClients.class, () -> new HttpClients(runtime.vertx()));
    return new PrometheusScaler(
        ctx,
        config,
        clients.acquire(config.auth().tls(config.unsafeSsl())),
        RequestAuth.of(config.auth(), APPLIED),
        Clock.systemUTC());
  }
}
