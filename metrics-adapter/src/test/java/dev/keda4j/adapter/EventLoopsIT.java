package dev.keda4j.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keda4j.adapter.auth.AuthorizationDecision;
import dev.keda4j.adapter.testing.TestPki;
import dev.keda4j.adapter.testing.TestSources;
import dev.keda4j.scalers.spi.MetricValue;
import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The adapter served by several event loops on one port, and all of them gone after close. */
class EventLoopsIT {
  private Vertx vertx;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  @Test
  void threeEventLoopsAnswerOnOnePortAndCloseReleasesIt() throws Exception {
    RunningAdapter adapter =
        MetricsAdapterServer.start(
                vertx,
                AdapterOptions.defaults().withListen("127.0.0.1", 0).withEventLoops(3),
                new TestSources().put("default", "worker", MetricValue.ofCount("s0-q", 7)),
                null,
                a -> CompletableFuture.completedFuture(AuthorizationDecision.allow()))
            .toCompletableFuture()
            .join();
    int port = adapter.port();
    assertThat(port).isPositive();
    // each client is a new connection; Vert.x hands connections to the instances in turn
    for (int i = 0; i < 6; i++) {
      HttpClient fresh = HttpClient.newBuilder().sslContext(TestPki.clientContext(null)).build();
      HttpResponse<String> r =
          fresh.send(
              HttpRequest.newBuilder(
                      URI.create(
                          "https://127.0.0.1:"
                              + port
                              + "/apis/external.metrics.k8s.io/v1beta1/namespaces/default/s0-q"
                              + "?labelSelector=scaledobject.keda.sh%2Fname%3Dworker"))
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as("connection %d", i).isEqualTo(200);
      assertThat(r.body()).contains("\"metricName\":\"s0-q\"").contains("\"value\":\"7\"");
    }
    adapter.close().toCompletableFuture().join();
    // every instance let go of the port, not only the first
    try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
      assertThat(again.getLocalPort()).isEqualTo(port);
    }
  }
}
