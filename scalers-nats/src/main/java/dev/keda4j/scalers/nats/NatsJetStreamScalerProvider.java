package dev.keda4j.scalers.nats;

import dev.keda4j.scalers.spi.Scaler;
import dev.keda4j.scalers.spi.ScalerContext;
import dev.keda4j.scalers.spi.ScalerProvider;
import dev.keda4j.scalers.spi.ScalerRuntime;
import java.util.Set;

/** {@code nats-jetstream}. */
public final class NatsJetStreamScalerProvider implements ScalerProvider<NatsJetStreamConfig> {
  @Override
  public Set<String> triggerTypes() {
    return Set.of("nats-jetstream");
  }

  @Override
  public Class<NatsJetStreamConfig> configType() {
    return NatsJetStreamConfig.class;
  }

  @Override
  public Scaler create(ScalerContext ctx, NatsJetStreamConfig config, ScalerRuntime runtime) {
    NatsHttpClients clients =
        runtime.shared(NatsHttpClients.class, () -> new NatsHttpClients(runtime.vertx()));
    return new NatsJetStreamScaler(ctx, config, clients.acquire(config.useHttps()));
  }
}
