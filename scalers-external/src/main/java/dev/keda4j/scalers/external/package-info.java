/**
 * The {@code external} and {@code external-push} scalers (scalers.md §3.15–3.16): clients of a
 * user's gRPC server implementing KEDA's {@code externalscaler.proto} ({@code
 * src/main/proto/externalscaler.proto}, field numbers as KEDA's). Channels are shared per address
 * and TLS settings; metric specs are fetched once at build and refreshed on each poll (no I/O in
 * {@code metricSpecs()}); every RPC failure fails the poll, never reads as 0 or inactive.
 */
package dev.keda4j.scalers.external;
