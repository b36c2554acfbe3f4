/**
 * Declarative parameter binding ({@link dev.keda4j.scalers.config.Param} on record components,
 * {@link dev.keda4j.scalers.config.ConfigBinder}) with KEDA's TypedConfig rules, and shared
 * resolved settings such as {@link dev.keda4j.scalers.config.TlsConfig}.
 */
package dev.keda4j.scalers.config;
