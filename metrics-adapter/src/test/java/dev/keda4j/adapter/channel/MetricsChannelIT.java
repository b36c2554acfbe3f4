package dev.keda4j.adapter.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keda4j.adapter.MetricsSource;
import dev.keda4j.adapter.testing.TestPki;
import dev.keda4j.scalers.spi.MetricValue;
import dev.keda4j.scalers.spi.Quantity;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The internal metrics channel over real mutual TLS on loopback. */
class MetricsChannelIT {
  private static final Duration NO_LIMIT = Duration.ofSeconds(10);

  static Vertx vertx;
  static TestPki channelCa;
  static ChannelTls controllerTls;
  static ChannelTls adapterTls;
  @TempDir static Path dir;

  private final List<MetricsChannelServer.Running> servers = new ArrayList<>();
  private final List<RemoteMetricsSource> sources = new ArrayList<>();

  @BeforeAll
  static void pki() throws Exception {
    vertx = Vertx.vertx();
    channelCa = new TestPki("keda4j-channel-ca");
    controllerTls =
        new ChannelTls(channelCa.writeCertDir(dir.resolve("controller"), channelCa.peer("ctl")))
            .checked();
    adapterTls =
        new ChannelTls(channelCa.writeCertDir(dir.resolve("adapter"), channelCa.peer("adapter")))
            .checked();
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  @AfterEach
  void closeAll() {
    sources.forEach(RemoteMetricsSource::close);
    servers.forEach(s -> s.close().toCompletableFuture().join());
  }

  private MetricsChannelServer.Running serve(
      String host, int port, MetricsSource source, AtomicBoolean leading) {
    MetricsChannelServer.Running s =
        MetricsChannelServer.start(
                vertx, host, port, controllerTls, source, leading::get, Duration.ofSeconds(5))
            .toCompletableFuture()
            .join();
    servers.add(s);
    return s;
  }

  private RemoteMetricsSource remote(
      ChannelTls tls, LeaderLocator locator, int port, Duration deadline) {
    RemoteMetricsSource s = new RemoteMetricsSource(vertx, tls, locator, port, deadline);
    sources.add(s);
    return s;
  }

  private static MetricsSource constant(long milli) {
    return (ns, so, metric) ->
        CompletableFuture.completedFuture(
            List.of(new MetricValue(metric + "@" + ns + "/" + so, Quantity.ofMilli(milli))));
  }

  private static LeaderLocator at(String host) {
    return () -> CompletableFuture.completedFuture(Optional.of(host));
  }

  private static List<MetricValue> read(MetricsSource s, String metric) throws Exception {
    return s.read("apps", "web", metric).toCompletableFuture().get(15, TimeUnit.SECONDS);
  }

  private static Throwable failure(MetricsSource s, String metric) {
    ExecutionException e =
        assertThrows(
            ExecutionException.class,
            () -> s.read("apps", "web", metric).toCompletableFuture().get(15, TimeUnit.SECONDS));
    return e.getCause();
  }

  @Test
  void leaderValuesCrossTheChannelLosslessly() throws Exception {
    var server = serve("127.0.0.1", 0, constant(1_500), new AtomicBoolean(true));
    var source = remote(adapterTls, at("127.0.0.1"), server.port(), NO_LIMIT);

    List<MetricValue> values = read(source, "s0-redis-list");

    assertEquals(
        List.of(new MetricValue("s0-redis-list@apps/web", Quantity.ofMilli(1_500))), values);
    assertEquals("1500m", values.get(0).value().toString());
  }

  @Test
  void operatorErrorsArriveAsErrorsWithTheirText() {
    MetricsSource failing =
        (ns, so, m) ->
            CompletableFuture.failedFuture(
                new IllegalStateException("error when getting metric values metric:" + m));
    var server = serve("127.0.0.1", 0, failing, new AtomicBoolean(true));
    var source = remote(adapterTls, at("127.0.0.1"), server.port(), NO_LIMIT);

    Throwable t = failure(source, "s0-x");

    assertEquals("error when getting metric values metric:s0-x", t.getMessage());
  }

  @Test
  void clientCertificateOfAnotherCaIsRefused() throws Exception {
    var server = serve("127.0.0.1", 0, constant(1_000), new AtomicBoolean(true));
    TestPki other = new TestPki("other-ca");
    ChannelTls wrong =
        new ChannelTls(other.writeCertDir(dir.resolve("wrong"), other.peer("adapter")));
    // the wrong client also trusts only its own CA: use the JDK client trusting any server to
    // show the server side refuses the certificate
    HttpClient jdk =
        HttpClient.newBuilder().sslContext(TestPki.clientContext(other.peer("adapter"))).build();
    URI uri =
        URI.create(
            "https://127.0.0.1:" + server.port() + "/v1/metrics?namespace=a&name=b&metric=c");
    assertThrows(
        java.io.IOException.class,
        () -> jdk.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()));

    var source = remote(wrong, at("127.0.0.1"), server.port(), Duration.ofSeconds(3));
    Throwable t = failure(source, "s0-x");
    // retried until the deadline (how many handshakes fit depends on the machine), then an error
    assertTrue(t.getMessage().contains("leading controller"), t.getMessage());
  }

  @Test
  void clientWithoutCertificateIsRefused() {
    var server = serve("127.0.0.1", 0, constant(1_000), new AtomicBoolean(true));
    HttpClient jdk = HttpClient.newBuilder().sslContext(TestPki.clientContext(null)).build();
    URI uri =
        URI.create(
            "https://127.0.0.1:" + server.port() + "/v1/metrics?namespace=a&name=b&metric=c");

    assertThrows(
        java.io.IOException.class,
        () -> jdk.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()));
  }

  @Test
  void followerAnswers503AndTheSourceFollowsTheNewLeader() throws Exception {
    AtomicBoolean firstLeads = new AtomicBoolean(true);
    AtomicBoolean secondLeads = new AtomicBoolean(false);
    var first = serve("127.0.0.1", 0, constant(1_000), firstLeads);
    serve("127.0.0.2", first.port(), constant(2_000), secondLeads);
    AtomicReference<String> lease = new AtomicReference<>("127.0.0.1");
    AtomicInteger lookups = new AtomicInteger();
    LeaderLocator locator =
        () -> {
          lookups.incrementAndGet();
          return CompletableFuture.completedFuture(Optional.ofNullable(lease.get()));
        };
    var source = remote(adapterTls, locator, first.port(), NO_LIMIT);

    assertEquals(Quantity.ofMilli(1_000), read(source, "m").get(0).value());
    assertEquals(Quantity.ofMilli(1_000), read(source, "m").get(0).value());
    assertEquals(1, lookups.get(), "the leader's address is remembered");

    // failover: the old leader still runs but no longer leads, the Lease names the new one
    firstLeads.set(false);
    secondLeads.set(true);
    lease.set("127.0.0.2");

    assertEquals(Quantity.ofMilli(2_000), read(source, "m").get(0).value());
    assertEquals(2, lookups.get());

    // the new leader goes away entirely: connection refused, lookup again, old one leads again
    servers.remove(1).close().toCompletableFuture().join();
    firstLeads.set(true);
    lease.set("127.0.0.1");

    assertEquals(Quantity.ofMilli(1_000), read(source, "m").get(0).value());
  }

  @Test
  void slowLeaderIsAnErrorByTheDeadlineNeverAZero() {
    MetricsSource hanging = (ns, so, m) -> new CompletableFuture<>();
    var server = serve("127.0.0.1", 0, hanging, new AtomicBoolean(true));
    var source = remote(adapterTls, at("127.0.0.1"), server.port(), Duration.ofMillis(400));

    long began = System.nanoTime();
    Throwable t = failure(source, "s0-x");
    long tookMs = (System.nanoTime() - began) / 1_000_000;

    assertTrue(t.getMessage().contains("within 400 ms"), t.getMessage());
    assertTrue(tookMs >= 390 && tookMs < 5_000, "took " + tookMs + " ms");
  }

  @Test
  void noLeaderIsAnErrorByTheDeadline() {
    var source =
        remote(
            adapterTls,
            () -> CompletableFuture.completedFuture(Optional.empty()),
            9,
            Duration.ofMillis(600));

    Throwable t = failure(source, "s0-x");

    assertTrue(t.getMessage().contains("no controller replica leads"), t.getMessage());
  }
}
