package dev.keda4j.scalers.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keda4j.scalers.config.ConfigException;
import dev.keda4j.scalers.spi.MetricSpec;
import dev.keda4j.scalers.spi.ScalerContext;
import dev.keda4j.scalers.spi.ScalerResult;
import io.grpc.Status;
import io.grpc.TlsServerCredentials;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code external} scaler against a real gRPC server on loopback, plaintext and TLS. */
class ExternalScalerIT {
  private static TestPki pki;
  private static TestPki.Pem serverCert;
  private static TestPki.Pem clientCert;

  private final ExternalChannels channels = new ExternalChannels();

  @BeforeAll
  static void certificates() throws Exception {
    pki = new TestPki("k4j-test-ca");
    serverCert = pki.server();
    clientCert = pki.client("keda4j");
  }

  @AfterEach
  void closeChannels() {
    channels.close();
  }

  private static ScalerContext ctx(
      String type, Map<String, String> meta, Map<String, String> auth, Duration timeout) {
    return ScalerContext.builder(type)
        .scalableObject("ScaledObject", "team-a", "orders")
        .triggerIndex(1)
        .metadata(meta)
        .authParams(auth)
        .resolvedEnv(Map.of("TOKEN", "k4j-env-token"))
        .globalHttpTimeout(timeout)
        .build();
  }

  private ExternalScaler build(ScalerContext ctx) throws ConfigException {
    ExternalScalerProvider p = new ExternalScalerProvider();
    return ExternalScalerProvider.create(
        ctx, p.bind(ctx).config(), channels, ExternalPushScaler.Backoff.KEDA);
  }

  private static ScalerResult poll(ExternalScaler s, String metric) throws Exception {
    return s.poll(metric).toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static Map<String, String> meta(TestExternalServer server, String... kv) {
    Map<String, String> m = new HashMap<>();
    m.put("scalerAddress", server.address());
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  private static TlsServerCredentials.Builder tlsServer() throws Exception {
    return TlsServerCredentials.newBuilder()
        .keyManager(stream(serverCert.cert()), stream(serverCert.key()));
  }

  private static ByteArrayInputStream stream(String pem) {
    return new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void pollReadsMetricsAndActivityAndForwardsTheMetadata() throws Exception {
    try (TestExternalServer server = new TestExternalServer()) {
      server.metricValue = 12.5;
      server.active = true;
      Map<String, String> m = meta(server, "queue", "orders", "tokenFromEnv", "TOKEN");
      try (ExternalScaler s = build(ctx("external", m, Map.of(), Duration.ofSeconds(3)))) {
        assertThat(s.metricSpecs())
            .extracting(MetricSpec::metricName)
            .containsExactly("s1-queue-depth");
        assertThat(s.metricSpecs().get(0).target().toString()).isEqualTo("10");

        ScalerResult r = poll(s, "s1-queue-depth");
        assertThat(r.active()).isTrue();
        assertThat(r.values()).hasSize(1);
        assertThat(r.values().get(0).metricName()).isEqualTo("s1-queue-depth");
        assertThat(r.values().get(0).value().toString()).isEqualTo("12500m");

        var req = server.metricRequests.get(server.metricRequests.size() - 1);
        assertThat(req.getMetricName()).isEqualTo("queue-depth");
        assertThat(req.getScaledObjectRef().getName()).isEqualTo("orders");
        assertThat(req.getScaledObjectRef().getNamespace()).isEqualTo("team-a");
        assertThat(req.getScaledObjectRef().getScalerMetadataMap())
            .containsEntry("queue", "orders")
            .containsEntry("tokenFromEnv", "k4j-env-token")
            .containsEntry("scalerAddress", server.address());

        server.active = false;
        server.metricValue = 0;
        server.metricValueInt = 3;
        ScalerResult r2 = poll(s, "s1-queue-depth");
        assertThat(r2.active()).isFalse();
        assertThat(r2.values().get(0).value().toString()).isEqualTo("3");
      }
    }
  }

  @Test
  void specsAreRefreshedOnPoll() throws Exception {
    try (TestExternalServer server = new TestExternalServer()) {
      try (ExternalScaler s =
          build(ctx("external", meta(server), Map.of(), Duration.ofSeconds(3)))) {
        server.specs =
            List.of(
                dev.keda4j.scalers.external.proto.MetricSpec.newBuilder()
                    .setMetricName("other")
                    .setTargetSizeFloat(2.5)
                    .build());
        poll(s, "s1-queue-depth");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!s.metricSpecs().get(0).metricName().equals("s1-other")
            && System.nanoTime() < deadline) {
          Thread.sleep(20);
        }
        assertThat(s.metricSpecs()).extracting(MetricSpec::metricName).containsExactly("s1-other");
        assertThat(s.metricSpecs().get(0).target().toString()).isEqualTo("2500m");
      }
    }
  }

  @Test
  void rpcErrorsFailThePollNeverReadZero() throws Exception {
    try (TestExternalServer server = new TestExternalServer()) {
      try (ExternalScaler s =
          build(ctx("external", meta(server), Map.of(), Duration.ofMillis(500)))) {
        server.failWith = Status.UNAVAILABLE.withDescription("backend down");
        assertThatThrownBy(() -> poll(s, "s1-queue-depth"))
            .isInstanceOf(ExecutionException.class)
            .cause()
            .isInstanceOf(ExternalScalerException.class)
            .hasMessageContaining("GetMetrics")
            .hasMessageContaining("UNAVAILABLE")
            .hasMessageContaining(server.address());

        server.failWith = null;
        server.delayMillis = 1500;
        assertThatThrownBy(() -> poll(s, "s1-queue-depth"))
            .cause()
            .hasMessageContaining("DEADLINE_EXCEEDED");

        server.delayMillis = 0;
        assertThatThrownBy(() -> poll(s, "s0-queue-depth"))
            .cause()
            .hasMessage("metric name contains incorrect index prefix");
      }
    }
  }

  @Test
  void isActiveErrorFailsThePollToo() throws Exception {
    try (TestExternalServer server = new TestExternalServer()) {
      try (ExternalScaler s =
          build(ctx("external", meta(server), Map.of(), Duration.ofSeconds(3)))) {
        server.close();
        assertThatThrownBy(() -> poll(s, "s1-queue-depth"))
            .cause()
            .hasMessageContaining("UNAVAILABLE");
      }
    }
  }

  @Test
  void unreachableOrEmptyServerFailsTheBuild() throws Exception {
    int port;
    try (TestExternalServer server = new TestExternalServer()) {
      port = server.port();
      server.specs = List.of();
      assertThatThrownBy(
              () -> build(ctx("external", meta(server), Map.of(), Duration.ofSeconds(3))))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("got empty metric spec");
    }
    Map<String, String> m = Map.of("scalerAddress", "127.0.0.1:" + port);
    assertThatThrownBy(() -> build(ctx("external", m, Map.of(), Duration.ofSeconds(3))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("GetMetricSpec")
        .hasMessageContaining("UNAVAILABLE");
    assertThat(channels.size()).as("a failed build releases its channel").isZero();
  }

  @Test
  void triggersOnTheSameAddressShareOneChannel() throws Exception {
    try (TestExternalServer a = new TestExternalServer();
        TestExternalServer b = new TestExternalServer()) {
      ExternalScaler s1 =
          build(ctx("external", meta(a, "queue", "1"), Map.of(), Duration.ofSeconds(3)));
      ExternalScaler s2 =
          build(ctx("external", meta(a, "queue", "2"), Map.of(), Duration.ofSeconds(3)));
      ExternalScaler s3 = build(ctx("external", meta(b), Map.of(), Duration.ofSeconds(3)));
      assertThat(channels.size()).isEqualTo(2);
      s1.close();
      assertThat(channels.size()).isEqualTo(2);
      assertThat(poll(s2, "s1-queue-depth").values()).hasSize(1);
      s2.close();
      s2.close();
      assertThat(channels.size()).isEqualTo(1);
      s3.close();
      assertThat(channels.size()).isZero();
    }
  }

  @Test
  void tlsWithCaCert() throws Exception {
    try (TestExternalServer server = new TestExternalServer(tlsServer().build())) {
      Map<String, String> auth = Map.of("caCert", pki.ca().cert());
      try (ExternalScaler s = build(ctx("external", meta(server), auth, Duration.ofSeconds(5)))) {
        assertThat(poll(s, "s1-queue-depth").active()).isTrue();
      }
      // without the CA the server is not trusted
      assertThatThrownBy(
              () ->
                  build(
                      ctx(
                          "external",
                          meta(server, "enableTLS", "true"),
                          Map.of(),
                          Duration.ofSeconds(5))))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("UNAVAILABLE");
      // unsafeSsl trusts it anyway
      try (ExternalScaler s =
          build(
              ctx(
                  "external",
                  meta(server, "enableTLS", "true", "unsafeSsl", "true"),
                  Map.of(),
                  Duration.ofSeconds(5)))) {
        assertThat(poll(s, "s1-queue-depth").values()).hasSize(1);
      }
    }
  }

  @Test
  void tlsCertFileIsTheCaToTrust(@TempDir Path dir) throws Exception {
    Path ca = dir.resolve("ca.pem");
    Files.writeString(ca, pki.ca().cert());
    try (TestExternalServer server = new TestExternalServer(tlsServer().build())) {
      try (ExternalScaler s =
          build(
              ctx(
                  "external",
                  meta(server, "tlsCertFile", ca.toString()),
                  Map.of(),
                  Duration.ofSeconds(5)))) {
        assertThat(poll(s, "s1-queue-depth").active()).isTrue();
      }
    }
    assertThatThrownBy(
            () ->
                build(
                    ctx(
                        "external",
                        Map.of(
                            "scalerAddress",
                            "127.0.0.1:1",
                            "tlsCertFile",
                            dir.resolve("none").toString()),
                        Map.of(),
                        Duration.ofSeconds(1))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("cannot read tlsCertFile");
  }

  @Test
  void mutualTls() throws Exception {
    io.grpc.ServerCredentials creds =
        tlsServer()
            .trustManager(stream(pki.ca().cert()))
            .clientAuth(TlsServerCredentials.ClientAuth.REQUIRE)
            .build();
    try (TestExternalServer server = new TestExternalServer(creds)) {
      Map<String, String> auth =
          Map.of(
              "caCert", pki.ca().cert(),
              "tlsClientCert", clientCert.cert(),
              "tlsClientKey", clientCert.key());
      try (ExternalScaler s = build(ctx("external", meta(server), auth, Duration.ofSeconds(5)))) {
        assertThat(poll(s, "s1-queue-depth").active()).isTrue();
      }
      // the server refuses a client without a certificate
      Map<String, String> caOnly = Map.of("caCert", pki.ca().cert());
      assertThatThrownBy(() -> build(ctx("external", meta(server), caOnly, Duration.ofSeconds(5))))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("GetMetricSpec")
          .hasMessageContaining("UNAVAILABLE");
    }
  }

  @Test
  void unusableClientKeyIsAConfigErrorThatDoesNotEchoIt() {
    Map<String, String> auth =
        Map.of("tlsClientCert", "not a cert", "tlsClientKey", "k4j-secret-key-canary");
    assertThatThrownBy(
            () ->
                build(
                    ctx(
                        "external",
                        Map.of("scalerAddress", "127.0.0.1:1"),
                        auth,
                        Duration.ofSeconds(1))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("tlsClientCert/tlsClientKey")
        .hasMessageNotContaining("k4j-secret-key-canary");
  }
}
