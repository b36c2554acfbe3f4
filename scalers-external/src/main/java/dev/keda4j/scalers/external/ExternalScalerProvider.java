package dev.keda4j.scalers.external;

import dev.keda4j.scalers.common.RefCountedPool;
import dev.keda4j.scalers.config.Bound;
import dev.keda4j.scalers.config.ConfigBinder;
import dev.keda4j.scalers.config.ConfigError;
import dev.keda4j.scalers.config.ConfigException;
import dev.keda4j.scalers.config.ConfigWarning;
import dev.keda4j.scalers.external.proto.GetMetricSpecResponse;
import dev.keda4j.scalers.external.proto.ScaledObjectRef;
import dev.keda4j.scalers.spi.MetricSpec;
import dev.keda4j.scalers.spi.MetricTargetType;
import dev.keda4j.scalers.spi.Scaler;
import dev.keda4j.scalers.spi.ScalerContext;
import dev.keda4j.scalers.spi.ScalerProvider;
import dev.keda4j.scalers.spi.ScalerRuntime;
import io.grpc.ManagedChannel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code external} and {@code external-push}. Building a scaler calls {@code GetMetricSpec} once
 * (see {@link ExternalScaler}), so it blocks up to the trigger's timeout.
 */
public final class ExternalScalerProvider implements ScalerProvider<ExternalConfig> {
  static final String EXTERNAL = "external";
  static final String EXTERNAL_PUSH = "external-push";

  @Override
  public Set<String> triggerTypes() {
    return Set.of(EXTERNAL, EXTERNAL_PUSH);
  }

  @Override
  public Class<ExternalConfig> configType() {
    return ExternalConfig.class;
  }

  /**
   * Binds as usual, minus the unmatched-parameter warnings: every metadata key is meant for the
   * external scaler, which receives it in {@code scalerMetadata}.
   */
  @Override
  public Bound<ExternalConfig> bind(ScalerContext ctx) throws ConfigException {
    Bound<ExternalConfig> b = ConfigBinder.bind(ExternalConfig.class, ctx);
    return new Bound<>(
        b.config(),
        b.warnings().stream().filter(w -> w.kind() != ConfigWarning.Kind.UNMATCHED_PARAM).toList());
  }

  @Override
  public Scaler create(ScalerContext ctx, ExternalConfig config, ScalerRuntime runtime)
      throws ConfigException {
    ExternalChannels channels = runtime.shared(ExternalChannels.class, ExternalChannels::new);
    return create(ctx, config, channels, ExternalPushScaler.Backoff.KEDA);
  }

  /** Builds against {@code channels} with {@code backoff} for push reconnects (tests). */
  static ExternalScaler create(
      ScalerContext ctx,
      ExternalConfig config,
      ExternalChannels channels,
      ExternalPushScaler.Backoff backoff)
      throws ConfigException {
    String type = ctx.triggerType();
    MetricTargetType targetType;
    try {
      targetType = ctx.externalTargetType();
    } catch (IllegalArgumentException e) {
      throw ConfigException.single(type, "metricType", e.getMessage());
    }
    ChannelKey key = key(type, config);
    RefCountedPool<ChannelKey, ManagedChannel>.Lease lease;
    try {
      lease = channels.acquire(key);
    } catch (IllegalArgumentException e) {
      throw ConfigException.single(type, "", e.getMessage());
    }
    List<MetricSpec> specs;
    try {
      ScaledObjectRef ref = ExternalScaler.ref(ctx);
      GetMetricSpecResponse r;
      try {
        r = ExternalScaler.fetchSpecs(lease.value(), ref, ctx.globalHttpTimeout());
      } catch (RuntimeException e) {
        throw new ScalerUnavailableException(
            type,
            ExternalScalerException.rpc("GetMetricSpec", config.scalerAddress(), e).getMessage(),
            e);
      }
      specs = MetricSpecs.convert(r, ctx.triggerIndex(), targetType);
      if (specs.isEmpty()) {
        throw new ScalerUnavailableException(
            type, "got empty metric spec from external scaler " + config.scalerAddress(), null);
      }
    } catch (ConfigException | RuntimeException e) {
      lease.close();
      throw e;
    }
    return EXTERNAL_PUSH.equals(type)
        ? new ExternalPushScaler(
            ctx, config.scalerAddress(), lease, specs, channels.scheduler(), backoff)
        : new ExternalScaler(ctx, config.scalerAddress(), lease, specs);
  }

  private static ChannelKey key(String type, ExternalConfig config) throws ConfigException {
    String ca = config.caCert();
    if (!config.tlsCertFile().isEmpty()) {
      try {
        ca = Files.readString(Path.of(config.tlsCertFile()), StandardCharsets.US_ASCII);
      } catch (IOException | RuntimeException e) {
        throw new ConfigException(
            type,
            List.of(
                new ConfigError(
                    "tlsCertFile",
                    "cannot read tlsCertFile "
                        + config.tlsCertFile()
                        + ": "
                        + e.getClass().getSimpleName())));
      }
    }
    return new ChannelKey(
        config.scalerAddress(),
        config.usesTls(),
        config.unsafeSsl(),
        ca,
        config.tlsClientCert(),
        config.tlsClientKey());
  }
}
