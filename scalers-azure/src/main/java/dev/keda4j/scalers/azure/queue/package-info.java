/**
 * {@code azure-queue} (scalers.md §3.5) on azure-storage-queue's async client over the JDK HTTP
 * client.
 *
 * <p>Deviations from KEDA:
 *
 * <ul>
 *   <li>Pod identity is not supported yet: keda4j's controller rejects any {@code podIdentity}
 *       provider of a TriggerAuthentication, and a trigger with {@code accountName} but no
 *       connection gets an explicit "not supported by keda4j yet" error instead of KEDA's
 *       workload-identity client. KEDA's {@code no accountName given} cannot occur.
 *   <li>{@code cloud: AzureStackCloud} (endpoints from {@code AZURE_ENVIRONMENT_FILEPATH}) is
 *       rejected as not supported yet.
 *   <li>The client speaks storage service version 2025-11-05 rather than the SDK's newest, which
 *       Azurite 3.35 refuses.
 * </ul>
 */
package dev.keda4j.scalers.azure.queue;
