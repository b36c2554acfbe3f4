package dev.keda4j.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keda4j.scalers.spi.Scaler;
import dev.keda4j.scalers.spi.ScalerContext;
import dev.keda4j.scalers.spi.ScalerRegistry;
import dev.keda4j.scalers.spi.ScalerResult;
import dev.keda4j.scalers.spi.ScalerRuntime;
import dev.keda4j.testkit.sources.RedisFixture;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Clients are shared by endpoint and credentials: 1,000 {@code redis} triggers of 1,000
 * ScaledObjects on one server, polled at once, hold at most 4 connections. The Redis is shared with
 * other test runs, so only this JVM's sockets are counted (its file descriptors matched against the
 * kernel's TCP table), and each counted socket is checked to be a client Redis knows.
 */
class RedisConnectionSharingIT {
  private static final int TRIGGERS = 1_000;
  private static final int MAX_CONNECTIONS = 4;

  @RegisterExtension static final RedisFixture REDIS = new RedisFixture();

  @Test
  void aThousandTriggersPolledOnceEachShareAHandfulOfConnections() throws Exception {
    assertThat(pollAll(false)).hasSizeLessThanOrEqualTo(MAX_CONNECTIONS);
  }

  @Test
  void aBurstOfAThousandConcurrentPollsStaysWithinThePoolSize() throws Exception {
    assertThat(pollAll(true)).hasSizeLessThanOrEqualTo(MAX_CONNECTIONS);
  }

  /** Builds the triggers, polls each once (all at once or one after another), returns our ports. */
  private static Set<Integer> pollAll(boolean concurrently) throws Exception {
    Set<Integer> before = ourLocalPortsTo(REDIS.port());
    Vertx vertx = Vertx.vertx();
    ExecutorService blocking = Executors.newFixedThreadPool(2);
    List<Scaler> scalers = new ArrayList<>();
    try (ScalerRuntime runtime = new ScalerRuntime(vertx, blocking)) {
      ScalerRegistry registry = ScalerRegistry.load();
      List<String> keys = new ArrayList<>();
      for (int i = 0; i < TRIGGERS; i++) {
        String key = REDIS.key();
        keys.add(key);
        ScalerContext ctx =
            ScalerContext.builder("redis")
                .scalableObject("ScaledObject", "k4j", "sharing-" + i)
                .metadata(Map.of("address", REDIS.address(), "listName", key))
                .build();
        scalers.add(registry.build(ctx, runtime).scaler());
      }
      REDIS.call("RPUSH", keys.get(TRIGGERS - 1), "a", "b", "c");

      List<CompletableFuture<ScalerResult>> polls = new ArrayList<>();
      for (Scaler s : scalers) {
        CompletableFuture<ScalerResult> p =
            s.poll(s.metricSpecs().get(0).metricName())
                .toCompletableFuture()
                .orTimeout(60, TimeUnit.SECONDS);
        polls.add(p);
        if (!concurrently) {
          p.get(70, TimeUnit.SECONDS);
        }
      }
      CompletableFuture.allOf(polls.toArray(CompletableFuture[]::new)).get(70, TimeUnit.SECONDS);
      assertThat(polls.get(TRIGGERS - 1).join().values().get(0).value().toString()).isEqualTo("3");
      assertThat(polls).allMatch(p -> p.join().values().size() == 1);

      Set<Integer> ours = ourLocalPortsTo(REDIS.port());
      ours.removeAll(before);
      assertThat(ours)
          .as("connections this JVM opened to Redis for %d triggers", TRIGGERS)
          .isNotEmpty();
      String clients = String.valueOf(REDIS.call("CLIENT", "LIST"));
      for (int port : ours) {
        assertThat(clients)
            .as("Redis lists our connection from port %d", port)
            .contains(":" + port + " ");
      }
      return ours;
    } finally {
      scalers.forEach(Scaler::close);
      blocking.shutdownNow();
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }

  /** Local ports of this process's established TCP connections to {@code remotePort}. */
  private static Set<Integer> ourLocalPortsTo(int remotePort) throws IOException {
    Set<String> inodes = new HashSet<>();
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      for (Path fd : (Iterable<Path>) fds::iterator) {
        try {
          String target = Files.readSymbolicLink(fd).toString();
          if (target.startsWith("socket:[")) {
            inodes.add(target.substring(8, target.length() - 1));
          }
        } catch (IOException e) {
          // the descriptor closed while listing
        }
      }
    }
    Set<Integer> ports = new HashSet<>();
    for (String table : List.of("/proc/self/net/tcp", "/proc/self/net/tcp6")) {
      Path p = Path.of(table);
      if (!Files.exists(p)) {
        continue;
      }
      for (String line : Files.readAllLines(p).subList(1, Files.readAllLines(p).size())) {
        String[] f = line.trim().split("\\s+");
        String local = f[1];
        String remote = f[2];
        boolean established = f[3].equals("01");
        int rport = Integer.parseInt(remote.substring(remote.indexOf(':') + 1), 16);
        if (established && rport == remotePort && inodes.contains(f[9])) {
          ports.add(Integer.parseInt(local.substring(local.indexOf(':') + 1), 16));
        }
      }
    }
    return ports;
  }
}
