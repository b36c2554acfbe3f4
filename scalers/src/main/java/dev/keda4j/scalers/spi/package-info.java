/**
 * The scaler SPI: {@link dev.keda4j.scalers.spi.Scaler} (no-I/O metric specs, async poll returning
 * values and activity together), {@link dev.keda4j.scalers.spi.ScalerProvider} (ServiceLoader
 * extension point), {@link dev.keda4j.scalers.spi.ScalerContext}, KEDA-exact metric names and
 * quantities.
 */
package dev.keda4j.scalers.spi;
