package dev.keda4j.scalers.workload;

import dev.keda4j.scalers.config.ConfigException;
import dev.keda4j.scalers.spi.MetricTargetType;
import dev.keda4j.scalers.spi.Scaler;
import dev.keda4j.scalers.spi.ScalerContext;
import dev.keda4j.scalers.spi.ScalerProvider;
import dev.keda4j.scalers.spi.ScalerRuntime;
import java.util.Set;

/** {@code kubernetes-workload}. */
public final class WorkloadScalerProvider implements ScalerProvider<WorkloadConfig> {
  static final String TYPE = "kubernetes-workload";

  @Override
  public Set<String> triggerTypes() {
    return Set.of(TYPE);
  }

  @Override
  public Class<WorkloadConfig> configType() {
    return WorkloadConfig.class;
  }

  @Override
  public Scaler create(ScalerContext ctx, WorkloadConfig config, ScalerRuntime runtime)
      throws ConfigException {
    // KEDA's Validate stops at the first problem: value first, then the selector. The value is
    // only an HPA target, which scalingModifiers replace, so it may then be absent.
    if (config.value() <= 0 && !ctx.asMetricSource()) {
      throw ConfigException.single(
          ctx.triggerType(), "value", "value must be a float greater than 0");
    }
    try {
      LabelSelectorParser.validate(config.podSelector());
    } catch (IllegalArgumentException e) {
      throw ConfigException.single(
          ctx.triggerType(), "podSelector", "error parsing pod selector: " + e.getMessage());
    }
    MetricTargetType targetType;
    try {
      targetType = ctx.externalTargetType();
    } catch (IllegalArgumentException e) {
      throw ConfigException.single(ctx.triggerType(), "metricType", e.getMessage());
    }
    return new WorkloadScaler(
        config,
        ctx.namespace(),
        ctx.metricName("workload-" + ctx.namespace()),
        targetType,
        KubernetesClientSlot.of(runtime),
        runtime.blockingPool());
  }
}
