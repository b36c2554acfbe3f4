package dev.keda4j.scalers.nats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keda4j.scalers.spi.ScalerContext;
import dev.keda4j.scalers.spi.ScalerRegistry;
import dev.keda4j.scalers.spi.ScalerRuntime;
import dev.keda4j.testkit.sources.Sources;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The leader search against a real 3-node JetStream cluster. Each node listens on its own loopback
 * address (127.0.0.1-3) with the same ports, the layout KEDA's search assumes: every node serves
 * monitoring on the configured endpoint's port, reached by the host of its advertised client URL.
 */
class NatsJetStreamClusterIT {
  private static final int NODES = 3;
  private static final Vertx VERTX = Vertx.vertx();
  private static final ExecutorService BLOCKING = Executors.newFixedThreadPool(1);
  private static final ScalerRuntime RUNTIME = new ScalerRuntime(VERTX, BLOCKING);
  private static final ScalerRegistry REGISTRY = ScalerRegistry.load();

  private static final List<Process> SERVERS = new ArrayList<>();
  private static Path dir;
  private static int clientPort;
  private static int monitorPort;
  private static Connection connection;

  @BeforeAll
  static void startCluster() throws Exception {
    dir = Sources.tempDir("k4j-nats-cluster-");
    int[] ports = portsFreeOnAllNodes(3);
    clientPort = ports[0];
    int routePort = ports[1];
    monitorPort = ports[2];
    String clusterName = Sources.uniqueName();
    StringBuilder routes = new StringBuilder();
    for (int i = 1; i <= NODES; i++) {
      routes
          .append(i > 1 ? "," : "")
          .append("nats://")
          .append(host(i))
          .append(':')
          .append(routePort);
    }
    for (int i = 1; i <= NODES; i++) {
      Path sd = dir.resolve("n" + i);
      List<String> cmd =
          List.of(
              "nats-server",
              "-js",
              "-n",
              "n" + i,
              "-a",
              host(i),
              "-p",
              Integer.toString(clientPort),
              "-m",
              Integer.toString(monitorPort),
              "--cluster_name",
              clusterName,
              "--cluster",
              "nats://" + host(i) + ":" + routePort,
              "--routes",
              routes.toString(),
              "-sd",
              sd.toString());
      SERVERS.add(
          new ProcessBuilder(cmd)
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("n" + i + ".log").toFile())
              .start());
    }
    boolean formed =
        Sources.await(
            Duration.ofSeconds(30),
            () -> {
              for (int i = 1; i <= NODES; i++) {
                JsonObject meta = jsz(i).getJsonObject("meta_cluster");
                if (meta == null
                    || meta.getInteger("cluster_size", 0) != NODES
                    || meta.getString("leader", "").isEmpty()) {
                  return false;
                }
              }
              return true;
            });
    assertThat(formed).as("3-node JetStream cluster formed (logs in %s)", dir).isTrue();
    StringBuilder servers = new StringBuilder();
    for (int i = 1; i <= NODES; i++) {
      servers
          .append(i > 1 ? "," : "")
          .append("nats://")
          .append(host(i))
          .append(':')
          .append(clientPort);
    }
    connection =
        Nats.connect(
            new Options.Builder()
                .servers(servers.toString().split(","))
                .connectionTimeout(Duration.ofSeconds(5))
                .build());
  }

  @AfterAll
  static void stopCluster() throws InterruptedException {
    RUNTIME.close();
    VERTX.close().await();
    BLOCKING.shutdown();
    if (connection != null) {
      connection.close();
    }
    for (Process p : SERVERS) {
      p.destroy();
    }
    for (Process p : SERVERS) {
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
    Sources.deleteRecursively(dir);
  }

  private static String host(int node) {
    return "127.0.0." + node;
  }

  private static JsonObject jsz(int node) {
    try {
      HttpResponse<String> r = Sources.httpGet("http://" + host(node) + ":" + monitorPort + "/jsz");
      return r.statusCode() == 200 ? new JsonObject(r.body()) : new JsonObject();
    } catch (IOException | RuntimeException e) {
      return new JsonObject();
    }
  }

  /** Ports that can be bound on every node address (chosen on 127.0.0.1, checked on the rest). */
  private static int[] portsFreeOnAllNodes(int count) throws IOException {
    int[] ports = new int[count];
    int found = 0;
    for (int attempt = 0; attempt < 50 && found < count; attempt++) {
      int p = Sources.freePort();
      if (bindableEverywhere(p) && !contains(ports, found, p)) {
        ports[found++] = p;
      }
    }
    if (found < count) {
      throw new IOException("no port free on 127.0.0.1-" + NODES);
    }
    return ports;
  }

  private static boolean contains(int[] a, int n, int v) {
    for (int i = 0; i < n; i++) {
      if (a[i] == v) {
        return true;
      }
    }
    return false;
  }

  private static boolean bindableEverywhere(int port) {
    for (int i = 1; i <= NODES; i++) {
      try (ServerSocket s = new ServerSocket()) {
        s.bind(new InetSocketAddress(InetAddress.getByName(host(i)), port));
      } catch (IOException e) {
        return false;
      }
    }
    return true;
  }

  /** A unique R3 stream and R3 durable consumer; retried while the cluster settles. */
  private static String[] createReplicated() throws Exception {
    String stream = Sources.uniqueName();
    String consumer = Sources.uniqueName();
    JetStreamManagement jsm = connection.jetStreamManagement();
    Exception last = null;
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (jsm.getStreamNames().contains(stream)) {
          jsm.addOrUpdateConsumer(
              stream,
              ConsumerConfiguration.builder()
                  .durable(consumer)
                  .ackPolicy(AckPolicy.Explicit)
                  .numReplicas(NODES)
                  .build());
          return new String[] {stream, consumer};
        }
        jsm.addStream(
            StreamConfiguration.builder()
                .name(stream)
                .subjects(stream + ".>")
                .storageType(StorageType.Memory)
                .replicas(NODES)
                .build());
      } catch (IOException | JetStreamApiException e) {
        last = e;
        Sources.sleep(Duration.ofMillis(250));
      }
    }
    throw new IllegalStateException("could not create an R3 stream and consumer", last);
  }

  private static void publish(String subject, int n) throws Exception {
    for (int i = 0; i < n; i++) {
      connection.jetStream().publish(subject, ("m" + i).getBytes(StandardCharsets.UTF_8));
    }
  }

  private static String consumerLeader(String stream, String consumer) throws Exception {
    var info = connection.jetStreamManagement().getConsumerInfo(stream, consumer);
    return info.getClusterInfo() == null || info.getClusterInfo().getLeader() == null
        ? ""
        : info.getClusterInfo().getLeader();
  }

  private NatsJetStreamScaler scaler(String stream, String consumer) throws Exception {
    ScalerContext ctx =
        ScalerContext.builder("nats-jetstream")
            .scalableObject("ScaledObject", "it", Sources.uniqueName())
            .metadata(
                Map.of(
                    "natsServerMonitoringEndpoint",
                    host(1) + ":" + monitorPort,
                    "account",
                    "$G",
                    "stream",
                    stream,
                    "consumer",
                    consumer))
            .build();
    return (NatsJetStreamScaler) REGISTRY.build(ctx, RUNTIME).scaler();
  }

  @Test
  void findsTheConsumerLeaderAndFollowsItWhenItMoves() throws Exception {
    String[] sc = createReplicated();
    String stream = sc[0];
    String consumer = sc[1];
    publish(stream + ".work", 6);
    try (NatsJetStreamScaler s = scaler(stream, consumer)) {
      assertThat(NatsJetStreamScalerIT.lag(NatsJetStreamScalerIT.poll(s))).isEqualTo(6);
      String first = consumerLeader(stream, consumer);
      assertThat(first).startsWith("n");
      assertThat(s.leaderNode()).isEqualTo(first);

      connection.request(
          "$JS.API.CONSUMER.LEADER.STEPDOWN." + stream + "." + consumer,
          new byte[0],
          Duration.ofSeconds(5));
      assertThat(
              Sources.await(
                  Duration.ofSeconds(20),
                  () -> {
                    try {
                      String now = consumerLeader(stream, consumer);
                      return !now.isEmpty() && !now.equals(first);
                    } catch (Exception e) {
                      return false;
                    }
                  }))
          .as("consumer leader moved away from %s", first)
          .isTrue();
      String second = consumerLeader(stream, consumer);

      publish(stream + ".work", 2);
      assertThat(NatsJetStreamScalerIT.lag(NatsJetStreamScalerIT.poll(s))).isEqualTo(8);
      assertThat(s.leaderNode()).isEqualTo(second);
    }
  }

  @Test
  void missingConsumerInAClusterIsNoLeaderFound() throws Exception {
    String[] sc = createReplicated();
    String missing = Sources.uniqueName();
    try (NatsJetStreamScaler s = scaler(sc[0], missing)) {
      Throwable t = NatsJetStreamScalerIT.failure(s);
      assertThat(t)
          .isInstanceOf(NatsJetStreamException.class)
          .hasMessage("leader node not found for consumer " + missing);
    }
  }
}
