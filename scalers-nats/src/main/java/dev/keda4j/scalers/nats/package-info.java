/**
 * The {@code nats-jetstream} scaler (scalers.md §3.13): consumer lag {@code num_pending +
 * num_ack_pending} from {@code /jsz?acc=<id>&config=true&consumers=true} on the server's monitoring
 * port; metric {@code s<i>-nats-jetstream-<stream>}, integer target {@code lagThreshold}.
 *
 * <p>Deviations from KEDA, each so that an error is never read as a zero:
 *
 * <ul>
 *   <li>A stream missing from the document fails the poll with {@code stream not found} on every
 *       poll. KEDA starts with an empty stream record and keeps the last one found, so it reports 0
 *       (or a stale lag) until a cached leader is invalidated.
 *   <li>A consumer missing from the stream fails with {@code consumer "<c>" not found in stream
 *       "<s>"} (as the spec says); older KEDA reported the stream's {@code last_seq}.
 *   <li>A non-2xx answer from the monitoring port fails the poll; KEDA tries to decode it.
 *   <li>The consumer leader's URL is remembered only when the node-by-node search found it; after a
 *       failed search KEDA may keep reading a replica's numbers through the configured endpoint.
 * </ul>
 */
package dev.keda4j.scalers.nats;
