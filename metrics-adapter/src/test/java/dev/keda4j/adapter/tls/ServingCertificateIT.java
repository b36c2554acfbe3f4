package dev.keda4j.adapter.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keda4j.adapter.AdapterOptions;
import dev.keda4j.adapter.MetricsAdapterServer;
import dev.keda4j.adapter.RunningAdapter;
import dev.keda4j.adapter.auth.AuthorizationDecision;
import dev.keda4j.adapter.testing.TestPki;
import dev.keda4j.adapter.testing.TestSources;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Serving certificates: from files, reloaded when the files change, self-signed otherwise. */
class ServingCertificateIT {
  @TempDir Path dir;
  private Vertx vertx;
  private RunningAdapter adapter;

  @BeforeEach
  void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stop() {
    if (adapter != null) {
      adapter.close().toCompletableFuture().join();
    }
    vertx.close().await();
  }

  private RunningAdapter start(AdapterOptions options) {
    return MetricsAdapterServer.start(
            vertx,
            options.withListen("127.0.0.1", 0),
            new TestSources(),
            null,
            a -> CompletableFuture.completedFuture(AuthorizationDecision.allow()))
        .toCompletableFuture()
        .join();
  }

  /** The certificate a new connection is served. */
  private X509Certificate served() throws Exception {
    HttpClient client = HttpClient.newBuilder().sslContext(TestPki.clientContext(null)).build();
    HttpResponse<String> r =
        client.send(
            HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + adapter.port() + "/healthz"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.body()).isEqualTo("ok");
    return (X509Certificate) r.sslSession().orElseThrow().getPeerCertificates()[0];
  }

  private void write(Path cert, Path key, KeyMaterial m) throws Exception {
    Path tmpCert = dir.resolve("tls.crt.tmp");
    Path tmpKey = dir.resolve("tls.key.tmp");
    Files.writeString(tmpCert, Pem.encode(m.leaf()), StandardCharsets.US_ASCII);
    Files.writeString(tmpKey, Pem.encode(m.key()), StandardCharsets.US_ASCII);
    Files.move(tmpKey, key, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.move(tmpCert, cert, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void filesAreServedAndReloadedWhenTheyChange() throws Exception {
    Path cert = dir.resolve("tls.crt");
    Path key = dir.resolve("tls.key");
    KeyMaterial first = SelfSignedCertificate.generate(List.of("first.example"), Instant.now());
    write(cert, key, first);
    adapter = start(AdapterOptions.defaults().withTlsFiles(cert, key, Duration.ofMillis(100)));
    assertThat(served()).isEqualTo(first.leaf());

    KeyMaterial second = SelfSignedCertificate.generate(List.of("second.example"), Instant.now());
    write(cert, key, second);
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!adapter.servingCertificate().equals(second.leaf()) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(adapter.servingCertificate()).isEqualTo(second.leaf());
    assertThat(served()).isEqualTo(second.leaf());
  }

  @Test
  void brokenFilesKeepTheCurrentCertificate() throws Exception {
    Path cert = dir.resolve("tls.crt");
    Path key = dir.resolve("tls.key");
    KeyMaterial first = SelfSignedCertificate.generate(List.of(), Instant.now());
    write(cert, key, first);
    adapter = start(AdapterOptions.defaults().withTlsFiles(cert, key, Duration.ofMillis(50)));
    Files.writeString(cert, "not a certificate", StandardCharsets.US_ASCII);
    Thread.sleep(300);
    assertThat(adapter.servingCertificate()).isEqualTo(first.leaf());
    assertThat(served()).isEqualTo(first.leaf());
  }

  @Test
  void aKeyThatDoesNotMatchItsCertificateKeepsTheCurrentPair() throws Exception {
    Path cert = dir.resolve("tls.crt");
    Path key = dir.resolve("tls.key");
    KeyMaterial first = SelfSignedCertificate.generate(List.of(), Instant.now());
    write(cert, key, first);
    adapter = start(AdapterOptions.defaults().withTlsFiles(cert, key, Duration.ofMillis(50)));
    KeyMaterial other = SelfSignedCertificate.generate(List.of("other.example"), Instant.now());
    // a rotation caught half-way: the new certificate beside the old key
    write(cert, key, new KeyMaterial(first.key(), other.chain()));
    Thread.sleep(300);
    assertThat(adapter.servingCertificate()).isEqualTo(first.leaf());
    assertThat(served()).isEqualTo(first.leaf());
    // once the key catches up, the pair is taken
    write(cert, key, other);
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!adapter.servingCertificate().equals(other.leaf()) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(served()).isEqualTo(other.leaf());
  }

  @Test
  void withoutFilesAGeneratedCertificateCoversLocalhost() throws Exception {
    adapter = start(AdapterOptions.defaults());
    X509Certificate c = served();
    assertThat(c).isEqualTo(adapter.servingCertificate());
    assertThat(c.getSubjectAlternativeNames())
        .extracting(san -> String.valueOf(san.get(1)))
        .contains("localhost", "127.0.0.1");
  }

  private void openssl(String... args) throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of("/usr/bin/openssl"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"rsa-pkcs1", "ec-sec1", "ec-pkcs8"})
  void opensslKeyFormatsAreServed(String format) throws Exception {
    switch (format) {
      case "rsa-pkcs1" -> openssl("genrsa", "-traditional", "-out", "tls.key", "2048");
      case "ec-sec1" -> openssl("ecparam", "-name", "prime256v1", "-genkey", "-out", "tls.key");
      default ->
          openssl(
              "genpkey",
              "-algorithm",
              "EC",
              "-pkeyopt",
              "ec_paramgen_curve:P-256",
              "-out",
              "tls.key");
    }
    openssl(
        "req",
        "-x509",
        "-new",
        "-key",
        "tls.key",
        "-subj",
        "/CN=" + format,
        "-addext",
        "subjectAltName=IP:127.0.0.1",
        "-days",
        "1",
        "-out",
        "tls.crt");
    adapter =
        start(
            AdapterOptions.defaults()
                .withTlsFiles(
                    dir.resolve("tls.crt"), dir.resolve("tls.key"), Duration.ofMinutes(1)));
    assertThat(served().getSubjectX500Principal().getName()).isEqualTo("CN=" + format);
  }

  @Test
  void pemRoundTripOfPkcs8AndCertificates() throws Exception {
    KeyMaterial m = SelfSignedCertificate.generate(List.of(), Instant.now());
    assertThat(Pem.certificates(Pem.encode(m.leaf()))).containsExactly(m.leaf());
    assertThat(Pem.privateKey(Pem.encode(m.key())).getEncoded()).isEqualTo(m.key().getEncoded());
    assertThat(m.toString())
        .doesNotContain(new String(m.key().getEncoded(), StandardCharsets.ISO_8859_1));
  }
}
