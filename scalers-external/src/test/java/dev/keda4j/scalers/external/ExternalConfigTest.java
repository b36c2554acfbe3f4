package dev.keda4j.scalers.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keda4j.scalers.config.ConfigException;
import dev.keda4j.scalers.spi.ScalerContext;
import dev.keda4j.scalers.spi.ScalerRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExternalConfigTest {
  private final ExternalScalerProvider provider = new ExternalScalerProvider();

  private ExternalConfig bind(Map<String, String> meta, Map<String, String> auth)
      throws ConfigException {
    return provider
        .bind(ScalerContext.builder("external").metadata(meta).authParams(auth).build())
        .config();
  }

  @Test
  void registeredForBothTypes() {
    assertThat(ScalerRegistry.load().triggerTypes()).contains("external", "external-push");
  }

  @Test
  void scalerAddressIsRequired() {
    assertThatThrownBy(() -> bind(Map.of("queue", "q"), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("scalerAddress");
  }

  @Test
  void plaintextByDefault() throws Exception {
    ExternalConfig c = bind(Map.of("scalerAddress", "svc:6000"), Map.of());
    assertThat(c.scalerAddress()).isEqualTo("svc:6000");
    assertThat(c.usesTls()).isFalse();
    assertThat(c.unsafeSsl()).isFalse();
  }

  @Test
  void tlsWhenEnabledOrAnyCertificateIsGiven() throws Exception {
    assertThat(bind(Map.of("scalerAddress", "a:1", "enableTLS", "true"), Map.of()).usesTls())
        .isTrue();
    assertThat(bind(Map.of("scalerAddress", "a:1"), Map.of("caCert", "pem")).usesTls()).isTrue();
    assertThat(
            bind(Map.of("scalerAddress", "a:1"), Map.of("tlsClientCert", "c", "tlsClientKey", "k"))
                .usesTls())
        .isTrue();
    assertThat(bind(Map.of("scalerAddress", "a:1", "tlsCertFile", "/x"), Map.of()).usesTls())
        .isTrue();
  }

  @Test
  void certificatesComeFromAuthParamsOnly() throws Exception {
    ExternalConfig c =
        bind(Map.of("scalerAddress", "a:1", "caCert", "from-metadata"), Map.of("caCert", "ca"));
    assertThat(c.caCert()).isEqualTo("ca");
    assertThat(bind(Map.of("scalerAddress", "a:1", "caCert", "m"), Map.of()).caCert()).isEmpty();
  }

  @Test
  void clientKeyIsNeverPrinted() throws Exception {
    ExternalConfig c =
        bind(
            Map.of("scalerAddress", "a:1"),
            Map.of("tlsClientCert", "CERT", "tlsClientKey", "k4j-private-key-material"));
    assertThat(c.toString()).doesNotContain("k4j-private-key-material").contains("a:1");
  }

  @Test
  void keysForTheExternalScalerAreNotUnmatched() throws Exception {
    var bound =
        provider.bind(
            ScalerContext.builder("external")
                .metadata(Map.of("scalerAddress", "a:1", "queue", "q", "regionFromEnv", "R"))
                .build());
    assertThat(bound.warnings()).isEmpty();
  }

  @Test
  void badBooleanIsAConfigError() {
    assertThatThrownBy(() -> bind(Map.of("scalerAddress", "a:1", "unsafeSsl", "maybe"), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unsafeSsl");
  }
}
