package dev.keda4j.scalers.spi;

import dev.keda4j.scalers.config.Bound;
import dev.keda4j.scalers.config.ConfigBinder;
import dev.keda4j.scalers.config.ConfigException;
import java.util.Set;

/**
 * The extension point: one provider per event source, registered in {@code
 * META-INF/services/dev.keda4j.scalers.spi.ScalerProvider}.
 *
 * @param <C> the scaler's config record (annotated with {@link dev.keda4j.scalers.config.Param})
 */
public interface ScalerProvider<C extends Record> {

  /** Trigger type names served, aliases included (e.g. {@code redis}, {@code redis-cluster}). */
  Set<String> triggerTypes();

  /** The config record type bound by {@link #bind}. */
  Class<C> configType();

  /**
   * Binds and validates the config (no I/O).
   *
   * @throws ConfigException listing every problem, with no secret in it
   */
  default Bound<C> bind(ScalerContext ctx) throws ConfigException {
    return ConfigBinder.bind(configType(), ctx);
  }

  /**
   * Builds the scaler from a bound config. Should do no blocking I/O; connection problems surface
   * as failed polls.
   */
  Scaler create(ScalerContext ctx, C config, ScalerRuntime runtime) throws ConfigException;
}
