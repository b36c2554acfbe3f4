/**
 * {@code mysql} (scalers.md §3.9): go-sql-driver DSNs are parsed and converted to MariaDB
 * Connector/J URLs and options ({@code tls}, {@code timeout}, {@code readTimeout}; unknown
 * parameters become session variables as in go-sql-driver).
 *
 * <p>Deviations from KEDA: no connect-and-ping at build; a malformed DSN fails the build; {@code
 * tls=preferred} requires TLS (Connector/J has no opportunistic mode); registered TLS config names
 * are rejected.
 */
package dev.keda4j.scalers.mysql;
