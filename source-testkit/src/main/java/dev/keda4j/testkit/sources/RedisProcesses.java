package dev.keda4j.testkit.sources;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Private {@code redis-server} processes on free loopback ports, for topologies the shared server
 * cannot give: several standalone servers, a Redis Cluster of masters, a sentinel. Everything is
 * killed by PID on {@link #close()} (and on JVM exit); data lives in a temp dir deleted on close.
 * Needs {@code redis-server} and {@code redis-cli} on PATH (Debian packages redis-server,
 * redis-tools).
 */
public final class RedisProcesses implements AutoCloseable {
  /** One running server. */
  public record Node(String host, int port, ManagedProcess process) {
    /** host:port. */
    public String address() {
      return host + ":" + port;
    }

    /** Runs one command against this node. */
    public Object call(String... args) {
      try (RespClient c = new RespClient(host, port)) {
        return c.call(args);
      } catch (IOException e) {
        throw new IllegalStateException("Redis at " + address() + ": " + e.getMessage(), e);
      }
    }
  }

  private static final String HOST = "127.0.0.1";
  private static final Duration READY = Duration.ofSeconds(20);
  private final List<ManagedProcess> processes = new ArrayList<>();
  private final Path dir = Sources.tempDir("k4j-redis-");

  /** Starts one standalone server. */
  public synchronized Node standalone() {
    return server("standalone");
  }

  /** Starts {@code n} standalone servers. */
  public List<Node> standalone(int n) {
    List<Node> nodes = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      nodes.add(standalone());
    }
    return nodes;
  }

  /**
   * Starts {@code masters} cluster-enabled servers (at least 3), joins them with {@code redis-cli
   * --cluster create} (no replicas) and waits until every node reports {@code cluster_state:ok}.
   */
  public synchronized List<Node> cluster(int masters) {
    if (masters < 3) {
      throw new IllegalArgumentException("a Redis Cluster needs at least 3 masters");
    }
    List<Node> nodes = new ArrayList<>();
    for (int i = 0; i < masters; i++) {
      // an explicit bus port: the default (port + 10000) may be taken or above 65535
      nodes.add(
          server(
              "cluster",
              "--cluster-enabled",
              "yes",
              "--cluster-port",
              Integer.toString(Sources.freePort()),
              "--cluster-node-timeout",
              "5000"));
    }
    List<String> cmd = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
    nodes.forEach(n -> cmd.add(n.address()));
    cmd.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
    ManagedProcess.run(cmd, Duration.ofSeconds(60));
    boolean ok =
        Sources.await(
            READY,
            () ->
                nodes.stream()
                    .allMatch(
                        n ->
                            String.valueOf(n.call("CLUSTER", "INFO"))
                                .contains("cluster_state:ok")));
    if (!ok) {
      throw new IllegalStateException("Redis Cluster " + nodes + " did not reach cluster_state:ok");
    }
    return nodes;
  }

  /** A 3-master cluster. */
  public List<Node> cluster() {
    return cluster(3);
  }

  /**
   * Starts a sentinel monitoring {@code master} under {@code masterName} (quorum 1) and waits until
   * it reports the master's address.
   */
  public synchronized Node sentinel(Node master, String masterName) {
    int port = Sources.freePort();
    Path conf = dir.resolve("sentinel-" + port + ".conf");
    String text =
        "port "
            + port
            + "\nbind "
            + HOST
            + "\ndaemonize no\ndir "
            + dir
            + "\nsentinel monitor "
            + masterName
            + " "
            + master.host()
            + " "
            + master.port()
            + " 1\nsentinel down-after-milliseconds "
            + masterName
            + " 5000\n";
    try {
      Files.writeString(conf, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    ManagedProcess p =
        ManagedProcess.start(
            "redis-sentinel-" + port,
            List.of("redis-server", conf.toString(), "--sentinel"),
            dir,
            READY,
            () -> sentinelKnows(port, masterName));
    processes.add(p);
    return new Node(HOST, port, p);
  }

  private static boolean sentinelKnows(int port, String masterName) {
    try (RespClient c = new RespClient(HOST, port)) {
      return c.call("SENTINEL", "get-master-addr-by-name", masterName) instanceof List<?> l
          && l.size() == 2;
    } catch (IOException | IllegalStateException e) {
      return false;
    }
  }

  private Node server(String kind, String... extra) {
    int port = Sources.freePort();
    Path nodeDir = dir.resolve(kind + "-" + port);
    try {
      Files.createDirectories(nodeDir);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    List<String> cmd =
        new ArrayList<>(
            List.of(
                "redis-server",
                "--bind",
                HOST,
                "--port",
                Integer.toString(port),
                "--save",
                "",
                "--appendonly",
                "no",
                "--daemonize",
                "no",
                "--dir",
                nodeDir.toString()));
    cmd.addAll(List.of(extra));
    ManagedProcess p =
        ManagedProcess.start("redis-" + kind + "-" + port, cmd, nodeDir, READY, () -> pings(port));
    processes.add(p);
    return new Node(HOST, port, p);
  }

  private static boolean pings(int port) {
    try (RespClient c = new RespClient(HOST, port)) {
      return "PONG".equals(c.call("PING"));
    } catch (IOException | IllegalStateException e) {
      return false;
    }
  }

  /** Kills every process started here and deletes the data dir. */
  @Override
  public synchronized void close() {
    for (int i = processes.size() - 1; i >= 0; i--) {
      processes.get(i).close();
    }
    processes.clear();
    Sources.deleteRecursively(dir);
  }
}
