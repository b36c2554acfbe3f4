package dev.keda4j.scalers.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The client properties each security mode turns into; the fixture broker is PLAINTEXT only, so
 * SASL and TLS are checked here against kafka-clients' own config validation.
 */
class KafkaClientPropertiesTest {
  private static final String SECRET = "pa\"ss\\word";

  private static Map<String, String> props(Map<String, String> md, Map<String, String> auth)
      throws Exception {
    Map<String, String> m =
        new HashMap<>(Map.of("bootstrapServers", "b1:9092,b2:9092", "consumerGroup", "g"));
    m.putAll(md);
    Map<String, String> p =
        KafkaClientProperties.of(KafkaConfigTest.bind(m, auth), Duration.ofMillis(2500));
    new AdminClientConfig(p); // kafka-clients accepts every key and value
    return p;
  }

  static Stream<Arguments> modes() {
    return Stream.of(
        Arguments.of("plain", Map.of(), Map.of(), "PLAINTEXT", null),
        Arguments.of("tls", Map.of("tls", "enable"), Map.of(), "SSL", null),
        Arguments.of(
            "sasl plaintext",
            Map.of("sasl", "plaintext"),
            Map.of("username", "u", "password", SECRET),
            "SASL_PLAINTEXT",
            "PLAIN"),
        Arguments.of(
            "sasl scram_sha256 + tls",
            Map.of("sasl", "scram_sha256", "tls", "enable"),
            Map.of("username", "u", "password", SECRET),
            "SASL_SSL",
            "SCRAM-SHA-256"),
        Arguments.of(
            "sasl scram_sha512",
            Map.of("sasl", "scram_sha512"),
            Map.of("username", "u", "password", SECRET),
            "SASL_PLAINTEXT",
            "SCRAM-SHA-512"),
        Arguments.of(
            "oauthbearer",
            Map.of("sasl", "oauthbearer"),
            Map.of("username", "u", "password", SECRET, "oauthTokenEndpointUri", "https://idp/t"),
            "SASL_PLAINTEXT",
            "OAUTHBEARER"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("modes")
  void securityProtocolAndMechanism(
      String name, Map<String, String> md, Map<String, String> auth, String protocol, String mech)
      throws Exception {
    Map<String, String> p = props(md, auth);
    assertThat(p).containsEntry("security.protocol", protocol);
    assertThat(p.get("sasl.mechanism")).isEqualTo(mech);
    assertThat(p).containsEntry("bootstrap.servers", "b1:9092,b2:9092");
    assertThat(KafkaClientProperties.redacted(p).toString()).doesNotContain("word");
  }

  @Test
  void timeoutsFollowThePollTimeout() throws Exception {
    Map<String, String> p = props(Map.of(), Map.of());
    assertThat(p)
        .containsEntry("request.timeout.ms", "2500")
        .containsEntry("default.api.timeout.ms", "2500")
        .containsEntry("socket.connection.setup.timeout.ms", "2500");
  }

  @Test
  void credentialsAreEscapedInTheJaasEntry() throws Exception {
    Map<String, String> p =
        props(Map.of("sasl", "plaintext"), Map.of("username", "u", "password", SECRET));
    assertThat(p.get("sasl.jaas.config"))
        .isEqualTo(
            "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"u\""
                + " password=\"pa\\\"ss\\\\word\";");
  }

  @Test
  void oauthBearerUsesKafkasLoginHandler() throws Exception {
    Map<String, String> p =
        props(
            Map.of("sasl", "oauthbearer"),
            Map.of(
                "username", "cid",
                "password", "csecret",
                "oauthTokenEndpointUri", "https://idp/token",
                "scopes", "s1,s2",
                "oauthExtensions", "k1=v1"));
    assertThat(p)
        .containsEntry("sasl.oauthbearer.token.endpoint.url", "https://idp/token")
        .containsEntry(
            "sasl.login.callback.handler.class",
            "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginCallbackHandler");
    assertThat(p.get("sasl.jaas.config"))
        .isEqualTo(
            "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required"
                + " clientId=\"cid\" clientSecret=\"csecret\" scope=\"s1 s2\" extension_k1=\"v1\";");
  }

  @Test
  void tlsMaterialIsPassedAsPem() throws Exception {
    Map<String, String> p =
        props(
            Map.of("tls", "enable", "unsafeSsl", "true"),
            Map.of("ca", "CA-PEM", "cert", "CERT-PEM", "key", "KEY-PEM", "keyPassword", "KP"));
    assertThat(p)
        .containsEntry("ssl.truststore.type", "PEM")
        .containsEntry("ssl.truststore.certificates", "CA-PEM")
        .containsEntry("ssl.keystore.type", "PEM")
        .containsEntry("ssl.keystore.certificate.chain", "CERT-PEM")
        .containsEntry("ssl.keystore.key", "KEY-PEM")
        .containsEntry("ssl.key.password", "KP")
        .containsEntry("ssl.endpoint.identification.algorithm", "");
    String shown = KafkaClientProperties.redacted(p).toString();
    assertThat(shown).doesNotContain("KEY-PEM").doesNotContain("KP");
    assertThat(new KafkaAdminPool.Key(p).toString())
        .doesNotContain("KEY-PEM")
        .doesNotContain("=KP");
  }

  @Test
  void tlsWithoutMaterialUsesJvmDefaults() throws Exception {
    assertThat(props(Map.of("tls", "enable"), Map.of()))
        .doesNotContainKeys(
            "ssl.truststore.type", "ssl.keystore.type", "ssl.endpoint.identification.algorithm");
  }
}
