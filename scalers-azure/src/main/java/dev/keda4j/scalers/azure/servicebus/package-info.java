/**
 * {@code azure-servicebus} (scalers.md §3.4) on the Service Bus administration async client over
 * the JDK HTTP client.
 *
 * <p>Deviations from KEDA:
 *
 * <ul>
 *   <li>Pod identity is not supported yet: keda4j's controller rejects any {@code podIdentity}
 *       provider of a TriggerAuthentication, and a trigger with {@code namespace} but no connection
 *       gets an explicit "not supported by keda4j yet" error (after the cloud checks KEDA makes on
 *       that path) instead of KEDA's workload-identity client.
 *   <li>Regex mode lists the entities and reads each match's runtime properties (the Java SDK has
 *       no runtime-properties listing); regexes are Java regexes matched against the whole name.
 *   <li>Management requests can be sent to another base URL ({@link
 *       dev.keda4j.scalers.azure.servicebus.ManagementEndpointOverride}), e.g. an emulator.
 * </ul>
 */
package dev.keda4j.scalers.azure.servicebus;
