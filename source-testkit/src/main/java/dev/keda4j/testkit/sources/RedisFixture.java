package dev.keda4j.testkit.sources;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The shared Redis at {@code KEDA4J_REDIS_ADDR} (host:port, default {@code 127.0.0.1:6379}). Tests
 * get the address, a blocking {@link RespClient} for set-up, and unique key names that are deleted
 * after the class. For private servers (cluster, sentinel) see {@link RedisProcesses}.
 */
public final class RedisFixture extends AbstractFixture {
  public static final String ENV = "KEDA4J_REDIS_ADDR";
  static final String START =
      "redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save '' --appendonly no"
          + " (or scripts/services.sh)";

  private final String host;
  private final int port;
  private final List<String> keys = new ArrayList<>();
  private RespClient client;

  public RedisFixture() {
    this(Sources.env(ENV, "127.0.0.1:6379"));
  }

  /** A fixture for the given host:port. */
  public RedisFixture(String address) {
    int colon = address.lastIndexOf(':');
    this.host = colon < 0 ? address : address.substring(0, colon);
    this.port = colon < 0 ? 6379 : Integer.parseInt(address.substring(colon + 1));
  }

  @Override
  protected void doStart() {
    try {
      client = new RespClient(host, port);
      Object pong = client.call("PING");
      if (!"PONG".equals(pong)) {
        throw new IOException("PING answered " + pong);
      }
    } catch (IOException | IllegalStateException e) {
      throw SourceUnavailableException.of("Redis", address(), ENV, START, e);
    }
  }

  @Override
  protected void doClose() {
    try {
      client.close();
    } catch (IOException e) {
      // closing a socket
    }
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  /** host:port. */
  public String address() {
    return host + ":" + port;
  }

  /** {@code redis://host:port}. */
  public String uri() {
    return "redis://" + address();
  }

  /** A unique key name ({@code k4j-...}) deleted after the class. */
  public synchronized String key() {
    requireStarted();
    String k = Sources.uniqueName();
    keys.add(k);
    if (keys.size() == 1) {
      onClose(this::deleteKeys);
    }
    return k;
  }

  private synchronized void deleteKeys() throws IOException {
    List<String> args = new ArrayList<>(keys);
    keys.clear();
    args.add(0, "DEL");
    client.call(args.toArray(String[]::new));
  }

  /** Runs one command on the shared server. */
  public Object call(String... args) {
    requireStarted();
    try {
      return client.call(args);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
