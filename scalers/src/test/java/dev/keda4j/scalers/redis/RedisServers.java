package dev.keda4j.scalers.redis;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Private {@code redis-server} processes for cluster and sentinel ITs (source-testkit's {@code
 * RedisProcesses} is not installed yet). Every process is destroyed on close.
 */
final class RedisServers implements AutoCloseable {
  private final Path dir;
  private final List<Process> processes = new ArrayList<>();

  RedisServers() throws IOException {
    dir = Files.createTempDirectory("k4j-redis");
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** A plain server; returns its port. */
  int server(String... extra) throws IOException, InterruptedException {
    int port = freePort();
    List<String> cmd =
        new ArrayList<>(
            List.of(
                "redis-server",
                "--port",
                String.valueOf(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                dir.toString()));
    cmd.addAll(List.of(extra));
    start(cmd, port);
    return port;
  }

  /** A cluster of {@code n} masters; returns their ports. */
  List<Integer> cluster(int n) throws IOException, InterruptedException {
    List<Integer> ports = new ArrayList<>();
    List<String> create = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
    for (int i = 0; i < n; i++) {
      int p = freePort();
      ports.add(p);
      start(
          List.of(
              "redis-server",
              "--port",
              String.valueOf(p),
              "--bind",
              "127.0.0.1",
              "--save",
              "",
              "--appendonly",
              "no",
              "--dir",
              dir.toString(),
              "--cluster-enabled",
              "yes",
              "--cluster-config-file",
              "nodes-" + p + ".conf",
              // the bus port defaults to port+10000, invalid for ports above 55535
              "--cluster-port",
              String.valueOf(freePort())),
          p);
      create.add("127.0.0.1:" + p);
    }
    create.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
    run(create);
    for (int i = 0; i < 100; i++) {
      if (run(List.of("redis-cli", "-p", String.valueOf(ports.get(0)), "cluster", "info"))
          .contains("cluster_state:ok")) {
        return ports;
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("cluster did not become ok");
  }

  /** A sentinel monitoring {@code masterPort} as {@code masterName}; returns its port. */
  int sentinel(int masterPort, String masterName) throws IOException, InterruptedException {
    int port = freePort();
    Path conf = dir.resolve("sentinel-" + port + ".conf");
    Files.writeString(
        conf,
        "port "
            + port
            + "\nbind 127.0.0.1\nsentinel monitor "
            + masterName
            + " 127.0.0.1 "
            + masterPort
            + " 1\n");
    start(List.of("redis-server", conf.toString(), "--sentinel"), port);
    return port;
  }

  private void start(List<String> cmd, int port) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("log-" + port + ".txt").toFile())
            .start();
    processes.add(p);
    for (int i = 0; i < 100; i++) {
      try (Socket s = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    throw new IllegalStateException("redis on port " + port + " did not start: " + cmd);
  }

  private String run(List<String> cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out =
        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
    }
    return out;
  }

  @Override
  public void close() throws IOException, InterruptedException {
    for (Process p : processes) {
      p.destroy();
      if (!p.waitFor(5, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }
}
