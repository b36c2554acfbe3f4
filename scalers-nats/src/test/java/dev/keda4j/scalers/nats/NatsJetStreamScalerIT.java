package dev.keda4j.scalers.nats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keda4j.scalers.spi.Quantity;
import dev.keda4j.scalers.spi.Scaler;
import dev.keda4j.scalers.spi.ScalerContext;
import dev.keda4j.scalers.spi.ScalerRegistry;
import dev.keda4j.scalers.spi.ScalerResult;
import dev.keda4j.scalers.spi.ScalerRuntime;
import dev.keda4j.testkit.sources.NatsFixture;
import dev.keda4j.testkit.sources.Sources;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PullSubscribeOptions;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code nats-jetstream} against a real nats-server with JetStream and its monitoring port. */
class NatsJetStreamScalerIT {
  @RegisterExtension static final NatsFixture NATS = new NatsFixture();

  private static final Vertx VERTX = Vertx.vertx();
  private static final ExecutorService BLOCKING = Executors.newFixedThreadPool(1);
  private static final ScalerRuntime RUNTIME = new ScalerRuntime(VERTX, BLOCKING);
  private static final ScalerRegistry REGISTRY = ScalerRegistry.load();
  private static final String ACCOUNT = "$G";

  private final List<Scaler> scalers = new ArrayList<>();

  @AfterEach
  void closeScalers() {
    scalers.forEach(Scaler::close);
    scalers.clear();
  }

  @AfterAll
  static void stop() throws InterruptedException {
    RUNTIME.close();
    VERTX.close().await();
    BLOCKING.shutdown();
    BLOCKING.awaitTermination(5, TimeUnit.SECONDS);
  }

  private Scaler scaler(Duration timeout, String... kv) throws Exception {
    Map<String, String> md = new HashMap<>();
    md.put("natsServerMonitoringEndpoint", NATS.monitorHostPort());
    md.put("account", ACCOUNT);
    for (int i = 0; i < kv.length; i += 2) {
      md.put(kv[i], kv[i + 1]);
    }
    ScalerContext ctx =
        ScalerContext.builder("nats-jetstream")
            .scalableObject("ScaledObject", "it", Sources.uniqueName())
            .metadata(md)
            .globalHttpTimeout(timeout)
            .build();
    Scaler s = REGISTRY.build(ctx, RUNTIME).scaler();
    scalers.add(s);
    return s;
  }

  private Scaler scaler(String... kv) throws Exception {
    return scaler(Duration.ofSeconds(3), kv);
  }

  static ScalerResult poll(Scaler s) throws Exception {
    String name = s.metricSpecs().get(0).metricName();
    ScalerResult r = s.poll(name).toCompletableFuture().get(15, TimeUnit.SECONDS);
    assertThat(r.values())
        .singleElement()
        .satisfies(v -> assertThat(v.metricName()).isEqualTo(name));
    return r;
  }

  static long lag(ScalerResult r) {
    return r.values().get(0).value().milliValue() / 1000;
  }

  static Throwable failure(Scaler s) {
    String name = s.metricSpecs().get(0).metricName();
    Throwable t =
        org.assertj.core.api.Assertions.catchThrowable(
            () -> s.poll(name).toCompletableFuture().get(15, TimeUnit.SECONDS));
    assertThat(t).isInstanceOf(ExecutionException.class);
    return t.getCause();
  }

  @Test
  void lagIsThePublishedCountAndMetricNamedAfterTheStream() throws Exception {
    String stream = NATS.createStream();
    String consumer = NATS.createConsumer(stream);
    Scaler s = scaler("stream", stream, "consumer", consumer, "lagThreshold", "4");
    assertThat(s.metricSpecs().get(0).metricName()).isEqualTo("s0-nats-jetstream-" + stream);
    assertThat(s.metricSpecs().get(0).target()).isEqualTo(Quantity.of(4));

    ScalerResult empty = poll(s);
    assertThat(lag(empty)).isZero();
    assertThat(empty.active()).isFalse();

    NATS.publish(stream + ".work", 7);
    ScalerResult r = poll(s);
    assertThat(lag(r)).isEqualTo(7);
    assertThat(r.active()).isTrue();
  }

  @Test
  void activationAroundTheThreshold() throws Exception {
    String stream = NATS.createStream();
    String consumer = NATS.createConsumer(stream);
    Scaler s = scaler("stream", stream, "consumer", consumer, "activationLagThreshold", "5");

    NATS.publish(stream + ".work", 5);
    ScalerResult atThreshold = poll(s);
    assertThat(lag(atThreshold)).isEqualTo(5);
    assertThat(atThreshold.active()).as("5 > 5 is false").isFalse();

    NATS.publish(stream + ".work", 1);
    ScalerResult above = poll(s);
    assertThat(lag(above)).isEqualTo(6);
    assertThat(above.active()).isTrue();
  }

  @Test
  void deliveredButUnackedMessagesStillCountAckedOnesDoNot() throws Exception {
    String stream = NATS.createStream();
    String consumer = NATS.createConsumer(stream);
    Scaler s = scaler("stream", stream, "consumer", consumer, "accountID", ACCOUNT);
    NATS.publish(stream + ".work", 10);
    assertThat(lag(poll(s))).isEqualTo(10);

    JetStreamSubscription sub =
        NATS.connection().jetStream().subscribe(null, PullSubscribeOptions.bind(stream, consumer));
    try {
      List<Message> fetched = sub.fetch(4, Duration.ofSeconds(5));
      assertThat(fetched).hasSize(4);
      // 6 pending + 4 delivered and not yet acknowledged
      assertThat(lag(poll(s))).isEqualTo(10);
      for (Message m : fetched.subList(0, 3)) {
        m.ackSync(Duration.ofSeconds(5));
      }
      // 6 pending + 1 unacknowledged
      assertThat(lag(poll(s))).isEqualTo(7);
    } finally {
      sub.unsubscribe();
    }
  }

  @Test
  void missingConsumerFailsThePoll() throws Exception {
    String stream = NATS.createStream();
    NATS.createConsumer(stream);
    NATS.publish(stream + ".work", 3);
    String missing = Sources.uniqueName();
    Scaler s = scaler("stream", stream, "consumer", missing);
    assertThat(failure(s))
        .isInstanceOf(NatsJetStreamException.class)
        .hasMessage("consumer \"" + missing + "\" not found in stream \"" + stream + "\"");
  }

  @Test
  void missingStreamFailsThePoll() throws Exception {
    Scaler s = scaler("stream", Sources.uniqueName(), "consumer", Sources.uniqueName());
    assertThat(failure(s))
        .isInstanceOf(NatsJetStreamException.class)
        .hasMessage("stream not found");
  }

  @Test
  void otherAccountFindsNoStream() throws Exception {
    String stream = NATS.createStream();
    String consumer = NATS.createConsumer(stream);
    Scaler s = scaler("stream", stream, "consumer", consumer, "account", "NOPE");
    assertThat(failure(s))
        .isInstanceOf(NatsJetStreamException.class)
        .hasMessage("stream not found");
  }

  @Test
  void unreachableEndpointFailsThePoll() throws Exception {
    int port = Sources.freePort();
    Scaler s =
        scaler("natsServerMonitoringEndpoint", "127.0.0.1:" + port, "stream", "s", "consumer", "c");
    assertThat(failure(s))
        .isInstanceOf(NatsJetStreamException.class)
        .hasMessageStartingWith(
            "unable to access NATS JetStream monitoring endpoint http://127.0.0.1:"
                + port
                + "/jsz?acc=%24G&config=true&consumers=true: ");
  }

  @Test
  void httpsAgainstAPlainMonitoringPortFailsThePoll() throws Exception {
    String stream = NATS.createStream();
    String consumer = NATS.createConsumer(stream);
    Scaler s = scaler("stream", stream, "consumer", consumer, "useHttps", "true");
    assertThat(failure(s))
        .isInstanceOf(NatsJetStreamException.class)
        .hasMessageStartingWith(
            "unable to access NATS JetStream monitoring endpoint https://"
                + NATS.monitorHostPort());
  }

  @Test
  void silentEndpointTimesOutAfterTheGlobalHttpTimeout() throws Exception {
    // The kernel completes the TCP handshake from the backlog; nobody ever answers.
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Scaler s =
          scaler(
              Duration.ofMillis(300),
              "natsServerMonitoringEndpoint",
              "127.0.0.1:" + silent.getLocalPort(),
              "stream",
              "s",
              "consumer",
              "c");
      long start = System.nanoTime();
      assertThat(failure(s)).isInstanceOf(NatsJetStreamException.class);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  void credentialsInTheEndpointNeverAppearInTheError() throws Exception {
    int port = Sources.freePort();
    Scaler s =
        scaler(
            "natsServerMonitoringEndpoint",
            "watcher:s3cr3t-pw@127.0.0.1:" + port,
            "stream",
            "s",
            "consumer",
            "c");
    Throwable t = failure(s);
    assertThat(t).isInstanceOf(NatsJetStreamException.class);
    assertThat(t.getMessage()).doesNotContain("s3cr3t-pw").doesNotContain("watcher");
    assertThat(s.toString()).doesNotContain("s3cr3t-pw");
  }

  @Test
  void errorStatusFromTheMonitoringPortFailsThePoll() throws Exception {
    HttpServer server = answering(503, "unavailable");
    try {
      Scaler s =
          scaler(
              "natsServerMonitoringEndpoint",
              "127.0.0.1:" + server.actualPort(),
              "stream",
              "s",
              "consumer",
              "c");
      assertThat(failure(s))
          .isInstanceOf(NatsJetStreamException.class)
          .hasMessage(
              "NATS JetStream monitoring endpoint http://127.0.0.1:"
                  + server.actualPort()
                  + "/jsz?acc=%24G&config=true&consumers=true returned 503");
    } finally {
      server.close().await();
    }
  }

  @Test
  void bodyThatIsNotJszFailsThePoll() throws Exception {
    HttpServer server = answering(200, "<html>not a NATS server</html>");
    try {
      Scaler s =
          scaler(
              "natsServerMonitoringEndpoint",
              "127.0.0.1:" + server.actualPort(),
              "stream",
              "s",
              "consumer",
              "c");
      assertThat(failure(s))
          .isInstanceOf(NatsJetStreamException.class)
          .hasMessage("unable to decode NATS JetStream /jsz response");
    } finally {
      server.close().await();
    }
  }

  /** A real HTTP server on loopback that answers every request with {@code status} and body. */
  private static HttpServer answering(int status, String body) {
    return VERTX
        .createHttpServer()
        .requestHandler(r -> r.response().setStatusCode(status).end(body))
        .listen(0, "127.0.0.1")
        .await();
  }

  @Test
  void triggersShareOneClientPerHttpsSetting() throws Exception {
    NatsHttpClients clients =
        RUNTIME.shared(NatsHttpClients.class, () -> new NatsHttpClients(VERTX));
    assertThat(clients.size()).isZero();
    Scaler a = scaler("stream", "a", "consumer", "c");
    Scaler b = scaler("stream", "b", "consumer", "c");
    assertThat(clients.size()).isEqualTo(1);
    Scaler tls = scaler("stream", "c", "consumer", "c", "useHttps", "true");
    assertThat(clients.size()).isEqualTo(2);
    tls.close();
    tls.close();
    assertThat(clients.size()).isEqualTo(1);
    a.close();
    b.close();
    assertThat(clients.size()).isZero();
  }
}
