package dev.keda4j.scalers.kafka;

import dev.keda4j.scalers.config.ConfigException;
import dev.keda4j.scalers.spi.Scaler;
import dev.keda4j.scalers.spi.ScalerContext;
import dev.keda4j.scalers.spi.ScalerProvider;
import dev.keda4j.scalers.spi.ScalerRuntime;
import java.util.Set;

/** {@code kafka} and {@code apache-kafka} (same parameters, same decisions). */
public final class KafkaScalerProvider implements ScalerProvider<KafkaConfig> {
  @Override
  public Set<String> triggerTypes() {
    return Set.of("kafka", "apache-kafka");
  }

  @Override
  public Class<KafkaConfig> configType() {
    return KafkaConfig.class;
  }

  @Override
  public Scaler create(ScalerContext ctx, KafkaConfig config, ScalerRuntime runtime)
      throws ConfigException {
    rejectUnsupported(ctx, config);
    KafkaAdminPool pool =
        runtime.shared(KafkaAdminPool.class, () -> new KafkaAdminPool(runtime.blockingPool()));
    KafkaAdminPool.Key key =
        new KafkaAdminPool.Key(KafkaClientProperties.of(config, ctx.globalHttpTimeout()));
    return new KafkaScaler(
        ctx, config, pool.acquire(key), runtime.blockingPool(), ctx.globalHttpTimeout());
  }

  /** Modes whose client side needs more than kafka-clients offers in-process. */
  static void rejectUnsupported(ScalerContext ctx, KafkaConfig config) throws ConfigException {
    KafkaSaslParams sasl = config.sasl();
    if ("gssapi".equals(sasl.sasl())) {
      throw ConfigException.single(
          ctx.triggerType(),
          "sasl",
          "sasl gssapi is not supported by keda4j yet: the JVM reads the Kerberos configuration"
              + " from one process-wide file");
    }
    if ("oauthbearer".equals(sasl.sasl()) && "aws_msk_iam".equals(sasl.saslTokenProvider())) {
      throw ConfigException.single(
          ctx.triggerType(),
          "saslTokenProvider",
          "saslTokenProvider aws_msk_iam is not supported by keda4j yet: it needs the AWS MSK IAM"
              + " login module");
    }
  }
}
