/** Pieces both Azure scalers use: cloud suffixes, connection-string redaction, the HTTP client. */
package dev.keda4j.scalers.azure.common;
