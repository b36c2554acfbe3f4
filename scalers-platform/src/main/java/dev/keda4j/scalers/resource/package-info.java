/**
 * The {@code cpu} and {@code memory} scalers (scalers.md §3.11): HPA {@code Resource} metrics, or
 * {@code ContainerResource} when {@code containerName} is set, expressed with the SPI's {@link
 * dev.keda4j.scalers.spi.MetricSpec#resource} (no extension was needed).
 *
 * <p>The metrics server serves these metrics to the HPA; KEDA reads nothing. Where KEDA's {@code
 * GetMetricsAndActivity} returns no values with {@code active=true} and relies on the caller to
 * skip such triggers, a poll here completes exceptionally with an {@link
 * java.lang.UnsupportedOperationException}, so a caller that forgets to skip them can neither read
 * a value nor an activity from them. The "cpu/memory-only object is always active" rule belongs to
 * the scale loop (scaledobject.md §5.1).
 *
 * <p>Deviations from KEDA: an {@code AverageValue} that is not a quantity is a config error instead
 * of a panic; the target is carried in milli units, so {@code 256Mi} reaches the HPA as {@code
 * 268435456} (the same quantity, another spelling).
 */
package dev.keda4j.scalers.resource;
