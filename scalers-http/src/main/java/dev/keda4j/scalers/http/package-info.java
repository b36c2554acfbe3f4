/**
 * What the HTTP scalers share: the {@code authModes} block (scalers.md §2.5), the request headers
 * and query parameters it produces, and reference-counted web clients keyed by TLS settings.
 *
 * <p>Deviation: the {@code oauth} mode is validated but its token fetch is not implemented yet;
 * scalers that would apply it refuse to build with a clear message.
 */
package dev.keda4j.scalers.http;
