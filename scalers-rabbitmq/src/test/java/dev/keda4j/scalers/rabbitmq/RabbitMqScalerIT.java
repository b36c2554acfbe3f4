package dev.keda4j.scalers.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import dev.keda4j.scalers.spi.Scaler;
import dev.keda4j.scalers.spi.ScalerContext;
import dev.keda4j.scalers.spi.ScalerRegistry;
import dev.keda4j.scalers.spi.ScalerResult;
import dev.keda4j.scalers.spi.ScalerRuntime;
import dev.keda4j.testkit.sources.RabbitMqFixture;
import dev.keda4j.testkit.sources.Sources;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code rabbitmq} against the real RabbitMQ (AMQP and management API) on this machine. */
class RabbitMqScalerIT {
  @RegisterExtension static final RabbitMqFixture RABBIT = new RabbitMqFixture();

  /** The management API's counts trail AMQP by a few seconds. */
  private static final Duration MANAGEMENT_LAG = Duration.ofSeconds(30);

  private static final Vertx VERTX = Vertx.vertx();
  private static final ExecutorService BLOCKING = Executors.newFixedThreadPool(2);
  private static final ScalerRuntime RUNTIME = new ScalerRuntime(VERTX, BLOCKING);
  private static final ScalerRegistry REGISTRY = ScalerRegistry.load();

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

  private Scaler scaler(Map<String, String> metadata, Map<String, String> auth) throws Exception {
    ScalerContext ctx =
        ScalerContext.builder("rabbitmq")
            .scalableObject("ScaledObject", "it", "rabbit-app")
            .metadata(metadata)
            .authParams(auth)
            .build();
    Scaler s = REGISTRY.build(ctx, RUNTIME).scaler();
    scalers.add(s);
    return s;
  }

  private Scaler scaler(String host, String queue, String... kv) throws Exception {
    Map<String, String> md = new HashMap<>();
    md.put("host", host);
    md.put("queueName", queue);
    for (int i = 0; i < kv.length; i += 2) {
      md.put(kv[i], kv[i + 1]);
    }
    return scaler(md, Map.of());
  }

  private static String amqp() {
    return RABBIT.amqpUri(RABBIT.defaultVhost());
  }

  private static String http() {
    return RABBIT.managementUrlWithCredentials(RABBIT.defaultVhost());
  }

  private static ScalerResult poll(Scaler s) throws Exception {
    String name = s.metricSpecs().get(0).metricName();
    ScalerResult r = s.poll(name).toCompletableFuture().get(15, TimeUnit.SECONDS);
    assertThat(r.values())
        .singleElement()
        .satisfies(v -> assertThat(v.metricName()).isEqualTo(name));
    return r;
  }

  private static double value(ScalerResult r) {
    return r.values().get(0).value().doubleValue();
  }

  /** Polls until {@code until} holds (bounded), returning the last result. */
  private static ScalerResult pollUntil(Scaler s, Predicate<ScalerResult> until) throws Exception {
    AtomicReference<ScalerResult> last = new AtomicReference<>();
    AtomicReference<Exception> failure = new AtomicReference<>();
    boolean ok =
        Sources.await(
            MANAGEMENT_LAG,
            () -> {
              try {
                last.set(poll(s));
                return until.test(last.get());
              } catch (Exception e) {
                failure.set(e);
                return false;
              }
            });
    assertThat(ok)
        .as("poll result %s (last failure %s) within %s", last.get(), failure.get(), MANAGEMENT_LAG)
        .isTrue();
    return last.get();
  }

  private static Throwable pollFailure(Scaler s) throws Exception {
    try {
      ScalerResult r =
          s.poll(s.metricSpecs().get(0).metricName())
              .toCompletableFuture()
              .get(30, TimeUnit.SECONDS);
      throw new AssertionError("poll should have failed but returned " + r);
    } catch (ExecutionException e) {
      return e.getCause();
    }
  }

  @Test
  void queueLengthOverAmqpAndActivationAroundTheThreshold() throws Exception {
    String q = RABBIT.declareQueue();
    Scaler s = scaler(amqp(), q, "mode", "QueueLength", "value", "10", "activationValue", "3");
    assertThat(s.metricSpecs().get(0).metricName()).isEqualTo("s0-rabbitmq-" + q);
    RABBIT.publish(q, 3);
    ScalerResult r = poll(s);
    assertThat(value(r)).isEqualTo(3);
    assertThat(r.active()).as("3 is not > activationValue 3").isFalse();
    RABBIT.publish(q, 1);
    r = poll(s);
    assertThat(value(r)).isEqualTo(4);
    assertThat(r.active()).isTrue();
  }

  @Test
  void queueLengthOverHttpAndExcludeUnacknowledged() throws Exception {
    String q = RABBIT.declareQueue();
    RABBIT.publish(q, 5);
    Scaler s = scaler(http(), q, "activationValue", "4");
    ScalerResult r = pollUntil(s, x -> value(x) == 5);
    assertThat(r.active()).isTrue();
    try (Connection c = RABBIT.newConnection(RABBIT.defaultVhost());
        Channel ch = c.createChannel()) {
      ch.basicQos(2);
      ch.basicConsume(q, false, (tag, delivery) -> {}, tag -> {});
      Scaler ready = scaler(http(), q, "excludeUnacknowledged", "true");
      ScalerResult rr = pollUntil(ready, x -> value(x) == 3);
      assertThat(rr.active()).isTrue();
      assertThat(value(pollUntil(s, x -> value(x) == 5))).as("unacked still counted").isEqualTo(5);
    }
  }

  @Test
  void messageRateOverHttpIsPositiveWhilePublishing() throws Exception {
    String q = RABBIT.declareQueue();
    Scaler s = scaler(http(), q, "mode", "MessageRate", "value", "100");
    AtomicBoolean publishing = new AtomicBoolean(true);
    Thread publisher =
        new Thread(
            () -> {
              try (Channel ch = RABBIT.connection().createChannel()) {
                while (publishing.get()) {
                  ch.basicPublish("", q, null, "m".getBytes(StandardCharsets.UTF_8));
                  Sources.sleep(Duration.ofMillis(20));
                }
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            },
            "rabbit-it-publisher");
    publisher.start();
    try {
      ScalerResult r = pollUntil(s, x -> value(x) > 0);
      assertThat(value(r)).isPositive();
      assertThat(r.active()).isTrue();
    } finally {
      publishing.set(false);
      publisher.join(5_000);
    }
  }

  @Test
  void uniqueVhostFromUrlOrVhostName() throws Exception {
    String vhost = RABBIT.createVhost();
    String q = RABBIT.declareQueue(vhost);
    RABBIT.publish(vhost, q, 2);
    assertThat(value(poll(scaler(RABBIT.amqpUri(vhost), q)))).isEqualTo(2);
    assertThat(value(poll(scaler(amqp(), q, "vhostName", vhost)))).isEqualTo(2);
    assertThat(
            value(
                pollUntil(
                    scaler(RABBIT.managementUrlWithCredentials(vhost), q), x -> value(x) == 2)))
        .isEqualTo(2);
    assertThat(value(pollUntil(scaler(http(), q, "vhostName", vhost), x -> value(x) == 2)))
        .isEqualTo(2);
  }

  @Test
  void regexOverTwoQueuesWithSumMaxAndAvg() throws Exception {
    String vhost = RABBIT.createVhost();
    String q1 = RABBIT.declareQueue(vhost);
    String q2 = RABBIT.declareQueue(vhost);
    RABBIT.publish(vhost, q1, 2);
    RABBIT.publish(vhost, q2, 5);
    RABBIT.awaitManagementCount(vhost, q1, 2, MANAGEMENT_LAG);
    RABBIT.awaitManagementCount(vhost, q2, 5, MANAGEMENT_LAG);
    String host = RABBIT.managementUrlWithCredentials(vhost);
    String regex = "^k4j-.*";
    assertThat(value(pollUntil(scaler(host, regex, "useRegex", "true"), x -> value(x) == 7)))
        .as("sum")
        .isEqualTo(7);
    assertThat(
            value(
                pollUntil(
                    scaler(host, regex, "useRegex", "true", "operation", "max"),
                    x -> value(x) == 5)))
        .isEqualTo(5);
    assertThat(
            value(
                pollUntil(
                    scaler(host, regex, "useRegex", "true", "operation", "avg"),
                    x -> value(x) == 3)))
        .as("avg of 2 and 5, truncated like KEDA")
        .isEqualTo(3);
    ScalerResult none = poll(scaler(host, "^nothing-matches$", "useRegex", "true"));
    assertThat(value(none)).isZero();
    assertThat(none.active()).isFalse();
    assertThat(pollFailure(scaler(host, regex, "useRegex", "true", "pageSize", "1")))
        .hasMessage("regex matches more queues than can be recovered at once");
    assertThat(pollFailure(scaler(host, regex, "useRegex", "true", "operation", "median")))
        .hasMessage("operation mode median not supported");
  }

  @Test
  void missingQueueIsAFailedPollNotZero() throws Exception {
    String missing = Sources.uniqueName();
    assertThat(pollFailure(scaler(amqp(), missing)))
        .isInstanceOf(RabbitMqScalerException.class)
        .hasMessageContaining("NOT_FOUND");
    assertThat(pollFailure(scaler(http(), missing)))
        .isInstanceOf(RabbitMqScalerException.class)
        .hasMessageContaining("error requesting RabbitMQ API status: 404")
        .hasMessageContaining("user:password@");
  }

  @Test
  void wrongPasswordIsAFailedPollThatDoesNotShowThePassword() throws Exception {
    String q = RABBIT.declareQueue();
    String wrong = "wr0ng-" + Sources.uniqueName();
    String amqpHost = amqp().replaceFirst(":[^:@/]*@", ":" + wrong + "@");
    String httpHost = http().replaceFirst(":[^:@/]*@", ":" + wrong + "@");
    assertThat(amqpHost).contains(wrong);
    for (Scaler s : List.of(scaler(amqpHost, q), scaler(httpHost, q))) {
      Throwable t = pollFailure(s);
      assertThat(t).isInstanceOf(RabbitMqScalerException.class);
      assertThat(t.getMessage()).doesNotContain(wrong);
      assertThat(t.toString()).doesNotContain(wrong);
      assertThat(s.toString()).doesNotContain(wrong);
    }
    Scaler viaAuth =
        scaler(
            Map.of("host", amqp(), "queueName", q), Map.of("username", "guest", "password", wrong));
    assertThat(pollFailure(viaAuth).getMessage()).contains("ACCESS_REFUSED").doesNotContain(wrong);
  }

  @Test
  void unreachableHostIsAFailedPoll() throws Exception {
    int port = Sources.freePort();
    assertThat(pollFailure(scaler("amqp://guest:guest@127.0.0.1:" + port + "/", "q")))
        .isInstanceOf(RabbitMqScalerException.class)
        .hasMessageContaining("connecting to 127.0.0.1:" + port);
    assertThat(pollFailure(scaler("http://guest:guest@127.0.0.1:" + port + "/", "q")))
        .isInstanceOf(RabbitMqScalerException.class)
        .hasMessageContaining("rabbitmq: requesting http://user:password@127.0.0.1:" + port);
  }

  @Test
  void triggersOnOneEndpointShareOneConnectionClosedWithTheLast() throws Exception {
    String q = RABBIT.declareQueue();
    RABBIT.publish(q, 1);
    RabbitMqClients clients = RUNTIME.shared(RabbitMqClients.class, () -> null);
    int before = clients.amqpConnections();
    Scaler a = scaler(amqp(), q);
    Scaler b = scaler(amqp(), q, "activationValue", "5");
    assertThat(value(poll(a))).isEqualTo(1);
    assertThat(poll(b).active()).isFalse();
    assertThat(clients.amqpConnections()).isEqualTo(before + 1);
    a.close();
    assertThat(value(poll(b))).as("b still reads after a closed").isEqualTo(1);
    b.close();
    assertThat(clients.amqpConnections()).isEqualTo(before);
  }
}
