package dev.keda4j.adapter.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keda4j.adapter.testing.TestPki;
import dev.keda4j.adapter.tls.KeyMaterial;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientCertificateVerifierTest {
  private static final TestPki CA = new TestPki("ca");

  @Test
  void rememberedSuccessNeverOutlivesTheLeaf() {
    Instant now = Instant.now();
    KeyMaterial leaf = CA.client("front-proxy-client", now);
    ClientCertificateVerifier verifier = new ClientCertificateVerifier(List.of(CA.ca()));
    assertThat(verifier.problem(leaf.chain(), now)).isNull();
    assertThat(verifier.problem(leaf.chain(), now.plusSeconds(30))).isNull();
    assertThat(verifier.problem(leaf.chain(), now.plus(Duration.ofDays(2))))
        .isEqualTo("x509: certificate has expired or is not yet valid");
  }

  @Test
  void otherCaAndWrongUsageAreProblems() {
    ClientCertificateVerifier verifier = new ClientCertificateVerifier(List.of(CA.ca()));
    KeyMaterial stranger = new TestPki("other").client("x");
    assertThat(verifier.problem(stranger.chain(), Instant.now()))
        .isEqualTo("x509: certificate signed by unknown authority");
    assertThat(new ClientCertificateVerifier(List.of()).problem(stranger.chain(), Instant.now()))
        .isEqualTo("no CA configured");
  }
}
