/**
 * What the SQL scalers share: reference-counted HikariCP pools keyed by target and credentials, the
 * query runner (first column of the first row as a number on the blocking pool) and the scaler.
 *
 * <p>Deviation from KEDA: NULL, no rows, non-numeric text and NaN/±Inf are failed polls; KEDA's
 * float conversion would report NaN/Inf as 0.
 */
package dev.keda4j.scalers.sql;
