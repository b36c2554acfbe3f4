/**
 * The {@code prometheus} scaler (scalers.md §3.7).
 *
 * <p>Deviations: Azure/GCP/AWS SigV4 transports and pod identity are not implemented ({@code
 * awsRegion} and {@code identityOwner} are accepted and ignored); a scalar or string query result
 * is an error, as it is in KEDA where it does not decode; a JSON {@code null} sample is an error
 * rather than KEDA's silent -1.
 */
package dev.keda4j.scalers.prometheus;
