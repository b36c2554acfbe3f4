package dev.keda4j.scalers.spi;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * One scaler instance per trigger. Lives as long as its trigger spec is unchanged; closed when it
 * changes or the scalable object goes away.
 */
public interface Scaler extends AutoCloseable {

  /** The HPA metric specs. Does no I/O: the HPA can always be built. */
  List<MetricSpec> metricSpecs();

  /**
   * Reads the metric and the activity together. Never blocks the caller; a blocking client runs on
   * a bounded pool. The caller owns the timeout. A failed read completes exceptionally — an error
   * is never reported as a zero.
   *
   * @param metricName the full HPA metric name ({@code s<i>-<base>}); returned values carry it
   */
  CompletionStage<ScalerResult> poll(String metricName);

  /** Releases the scaler's share of clients. Idempotent. */
  @Override
  void close();
}
