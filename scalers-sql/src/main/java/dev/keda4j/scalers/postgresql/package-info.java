/**
 * {@code postgresql} (scalers.md §3.8): libpq connection strings (keyword/value and URI) are
 * converted to pgjdbc URLs and properties.
 *
 * <p>Deviations from KEDA: no connect-and-ping at build (a database that is down shows as failed
 * polls); a malformed connection string fails the build instead of the first connect; {@code
 * azure-workload} pod identity is not supported yet; unix-domain socket hosts are rejected.
 */
package dev.keda4j.scalers.postgresql;
