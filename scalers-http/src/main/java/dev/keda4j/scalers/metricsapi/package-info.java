/**
 * The {@code metrics-api} scaler (scalers.md §3.12).
 *
 * <p>Deviations: {@code aggregateFromKubeServiceEndpoints} and the {@code oauth} auth mode are
 * refused at build time as not supported yet. JSON paths support the GJSON subset of dotted keys,
 * array indexes, {@code #} (length) and {@code *}/{@code ?} key wildcards; XML is read as nested
 * maps whose first key is the root element.
 */
package dev.keda4j.scalers.metricsapi;
