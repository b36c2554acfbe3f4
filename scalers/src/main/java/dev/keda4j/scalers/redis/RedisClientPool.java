package dev.keda4j.scalers.redis;

import dev.keda4j.scalers.common.VertxTls;
import dev.keda4j.scalers.config.ConfigStrings;
import dev.keda4j.scalers.config.TlsConfig;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisClientType;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.RedisReplicas;
import io.vertx.redis.client.RedisRole;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Redis clients shared by (mode, endpoints, credentials, db, TLS): many triggers on one Redis share
 * one pooled client. Reference counted; a client is closed when its last lease is closed.
 */
public final class RedisClientPool implements AutoCloseable {
  // 1,000 triggers on one Redis must hold at most 4 connections, even under a burst of polls
  static final int DEFAULT_MAX_POOL_SIZE = 4;
  static final int DEFAULT_MAX_POOL_WAITING = 10_000;
  private static final int CONNECT_TIMEOUT_MS = 5_000;

  private final Vertx vertx;
  private final int maxPoolSize;
  private final Map<Key, Entry> clients = new HashMap<>();

  public RedisClientPool(Vertx vertx) {
    this(vertx, DEFAULT_MAX_POOL_SIZE);
  }

  public RedisClientPool(Vertx vertx, int maxPoolSize) {
    this.vertx = vertx;
    this.maxPoolSize = maxPoolSize;
  }

  /**
   * What identifies a shared client.
   *
   * @param mode standalone, cluster or sentinel
   * @param endpoints {@code host:port} list (standalone: the first only)
   * @param username user
   * @param password password (secret)
   * @param sentinelUsername sentinel user
   * @param sentinelPassword sentinel password (secret)
   * @param sentinelMaster sentinel master name
   * @param databaseIndex DB (0 for cluster)
   * @param tls TLS settings
   */
  public record Key(
      RedisMode mode,
      List<String> endpoints,
      String username,
      String password,
      String sentinelUsername,
      String sentinelPassword,
      String sentinelMaster,
      int databaseIndex,
      TlsConfig tls) {
    public Key {
      endpoints = List.copyOf(endpoints);
    }

    /** The key for a scaler's connection parameters. */
    public static Key of(RedisMode mode, RedisConnectionParams p) {
      List<String> eps = p.endpoints();
      return new Key(
          mode,
          mode == RedisMode.STANDALONE ? eps.subList(0, Math.min(1, eps.size())) : eps,
          p.username(),
          p.password(),
          p.sentinelUsername(),
          p.sentinelPassword(),
          p.sentinelMaster(),
          mode == RedisMode.CLUSTER ? 0 : p.databaseIndex(),
          p.tls().toTlsConfig());
    }

    @Override
    public String toString() {
      return "Key["
          + mode
          + " "
          + endpoints
          + " db="
          + databaseIndex
          + " user="
          + username
          + " password="
          + ConfigStrings.mask(password)
          + " tls="
          + tls.enabled()
          + "]";
    }
  }

  /** One scaler's share of a client. */
  public final class Lease implements AutoCloseable {
    private final Key key;
    private final Redis client;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Lease(Key key, Redis client) {
      this.key = key;
      this.client = client;
    }

    public Redis client() {
      return client;
    }

    /** Releases this share; the last one closes the client. Idempotent. */
    @Override
    public void close() {
      if (closed.compareAndSet(false, true)) {
        release(key);
      }
    }
  }

  private static final class Entry {
    final Redis client;
    int refs;

    Entry(Redis client) {
      this.client = client;
    }
  }

  /** A lease on the shared client for {@code key}, creating it on first use. */
  public synchronized Lease acquire(Key key) {
    Entry e = clients.computeIfAbsent(key, k -> new Entry(Redis.createClient(vertx, options(k))));
    e.refs++;
    return new Lease(key, e.client);
  }

  private synchronized void release(Key key) {
    Entry e = clients.get(key);
    if (e != null && --e.refs == 0) {
      clients.remove(key);
      e.client.close();
    }
  }

  /** Number of distinct open clients (for tests and metrics). */
  public synchronized int openClients() {
    return clients.size();
  }

  @Override
  public synchronized void close() {
    clients.values().forEach(e -> e.client.close());
    clients.clear();
  }

  RedisOptions options(Key k) {
    String scheme = k.tls().enabled() ? "rediss://" : "redis://";
    RedisOptions o =
        new RedisOptions()
            .setMaxPoolSize(maxPoolSize)
            .setMaxPoolWaiting(DEFAULT_MAX_POOL_WAITING)
            .setNetClientOptions(
                VertxTls.apply(
                    k.tls(), new NetClientOptions().setConnectTimeout(CONNECT_TIMEOUT_MS)));
    if (!k.username().isEmpty()) {
      o.setUser(k.username());
    }
    if (!k.password().isEmpty()) {
      o.setPassword(k.password());
    }
    switch (k.mode()) {
      case STANDALONE ->
          o.setType(RedisClientType.STANDALONE)
              .setConnectionString(scheme + k.endpoints().get(0) + "/" + k.databaseIndex());
      case CLUSTER -> {
        o.setType(RedisClientType.CLUSTER).setUseReplicas(RedisReplicas.NEVER);
        o.getEndpoints().clear();
        k.endpoints().forEach(ep -> o.addConnectionString(scheme + ep));
      }
      case SENTINEL -> {
        o.setType(RedisClientType.SENTINEL)
            .setRole(RedisRole.MASTER)
            .setMasterName(k.sentinelMaster().isEmpty() ? "mymaster" : k.sentinelMaster());
        o.getEndpoints().clear();
        String auth = userInfo(k.sentinelUsername(), k.sentinelPassword());
        k.endpoints()
            .forEach(ep -> o.addConnectionString(scheme + auth + ep + "/" + k.databaseIndex()));
      }
      default -> throw new IllegalStateException("unknown mode " + k.mode());
    }
    return o;
  }

  private static String userInfo(String user, String password) {
    if (user.isEmpty() && password.isEmpty()) {
      return "";
    }
    return enc(user) + ":" + enc(password) + "@";
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
