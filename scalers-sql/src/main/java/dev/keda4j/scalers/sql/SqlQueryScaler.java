package dev.keda4j.scalers.sql;

import dev.keda4j.scalers.spi.MetricSpec;
import dev.keda4j.scalers.spi.MetricTargetType;
import dev.keda4j.scalers.spi.MetricValue;
import dev.keda4j.scalers.spi.Quantity;
import dev.keda4j.scalers.spi.Scaler;
import dev.keda4j.scalers.spi.ScalerResult;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * A scaler whose metric is one number a SQL query returns (postgresql, mysql): active when the
 * value exceeds the activation threshold.
 */
public final class SqlQueryScaler implements Scaler {
  private final String metricName;
  private final MetricTargetType targetType;
  private final double target;
  private final double activation;
  private final SqlQueryRunner runner;
  private final SqlPools.Lease lease;

  /**
   * @param metricName the full metric name ({@code s0-postgresql})
   * @param lease the pool share {@code runner} uses, released on close
   */
  public SqlQueryScaler(
      String metricName,
      MetricTargetType targetType,
      double target,
      double activation,
      SqlQueryRunner runner,
      SqlPools.Lease lease) {
    this.metricName = metricName;
    this.targetType = targetType;
    this.target = target;
    this.activation = activation;
    this.runner = runner;
    this.lease = lease;
  }

  @Override
  public List<MetricSpec> metricSpecs() {
    return List.of(MetricSpec.external(metricName, targetType, Quantity.fromDouble(target)));
  }

  @Override
  public CompletionStage<ScalerResult> poll(String requested) {
    return runner
        .run()
        .thenApply(v -> ScalerResult.of(MetricValue.ofDouble(requested, v), v > activation));
  }

  @Override
  public void close() {
    lease.close();
  }

  @Override
  public String toString() {
    return "SqlQueryScaler[" + metricName + "]";
  }
}
