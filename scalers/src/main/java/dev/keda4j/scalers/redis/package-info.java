/**
 * Redis scalers: {@code redis}, {@code redis-cluster}, {@code redis-sentinel} (list length) and
 * {@code redis-streams}, {@code redis-cluster-streams}, {@code redis-sentinel-streams} (scalers.md
 * §3.1–3.2), on the Vert.x Redis client.
 *
 * <p>Deviations from KEDA, on purpose or not yet done:
 *
 * <ul>
 *   <li>No PING when the scaler is built (KEDA fails the build with {@code connection to redis
 *       failed}); building does no I/O and connection problems fail the poll instead.
 *   <li>Lag mode checks {@code redis_version >= 7} on the first lag poll (cached), not at build.
 *   <li>{@code keyPassword} (encrypted client keys) is rejected as a config error: Vert.x PEM
 *       options take unencrypted keys only.
 *   <li>Sentinel: sentinel credentials go into the sentinel endpoint URIs, master credentials into
 *       the client options; not yet verified against password-protected sentinels. An empty {@code
 *       sentinelMaster} uses Vert.x' default {@code mymaster}.
 * </ul>
 */
package dev.keda4j.scalers.redis;
