package dev.keda4j.scalers.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.keda4j.scalers.config.ConfigException;
import dev.keda4j.scalers.spi.MetricSpec;
import dev.keda4j.scalers.spi.MetricTargetType;
import dev.keda4j.scalers.spi.ScalerContext;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Parameter cases of scalers.md §3.3 and "Test cases worth having" 5–7. */
class KafkaConfigTest {
  private static final String SECRET = "s3cr3t-pw";
  private static final Map<String, String> ENV =
      Map.of(
          "KAFKA_BROKERS", "b1:9092,b2:9092", "KAFKA_GROUP", "env-group", "KAFKA_TOPIC", "env-t");
  private static final Map<String, String> BASE =
      Map.of(
          "bootstrapServers", "localhost:9092", "consumerGroup", "my-group", "topic", "my-topic");

  private static Map<String, String> md(String... kv) {
    Map<String, String> m = new HashMap<>(BASE);
    for (int i = 0; i < kv.length; i += 2) {
      if (kv[i + 1] == null) {
        m.remove(kv[i]);
      } else {
        m.put(kv[i], kv[i + 1]);
      }
    }
    return m;
  }

  private static ScalerContext ctx(int index, Map<String, String> md, Map<String, String> auth) {
    return ScalerContext.builder("kafka")
        .triggerIndex(index)
        .metadata(md)
        .resolvedEnv(ENV)
        .authParams(auth)
        .build();
  }

  static KafkaConfig bind(Map<String, String> md, Map<String, String> auth) throws ConfigException {
    return new KafkaScalerProvider().bind(ctx(0, md, auth)).config();
  }

  private static ConfigException bindFails(Map<String, String> md, Map<String, String> auth) {
    return catchThrowableOfType(ConfigException.class, () -> bind(md, auth));
  }

  @Test
  void defaults() throws Exception {
    KafkaConfig c = bind(BASE, Map.of());
    assertThat(c.bootstrapServers()).containsExactly("localhost:9092");
    assertThat(c.consumerGroup()).isEqualTo("my-group");
    assertThat(c.topic()).isEqualTo("my-topic");
    assertThat(c.lagThreshold()).isEqualTo(10);
    assertThat(c.activationLagThreshold()).isZero();
    assertThat(c.offsetResetPolicy()).isEqualTo("latest");
    assertThat(c.allowIdleConsumers()).isFalse();
    assertThat(c.excludePersistentLag()).isFalse();
    assertThat(c.scaleToZeroOnInvalidOffset()).isFalse();
    assertThat(c.limitToPartitionsWithLag()).isFalse();
    assertThat(c.ensureEvenDistributionOfPartitions()).isFalse();
    assertThat(c.fullMetadata()).isTrue();
    assertThat(c.version()).isEqualTo("1.0.0");
    assertThat(c.limitedPartitions()).isEmpty();
    assertThat(c.tls().enabled()).isFalse();
    assertThat(c.sasl().enabled()).isFalse();
    assertThat(c.sasl().saslTokenProvider()).isEqualTo("bearer");
    assertThat(c.sasl().kerberosServiceName()).isEqualTo("kafka");
    assertThat(c.lagRules()).isEqualTo(LagRules.defaults(10));
  }

  static Stream<Arguments> valid() {
    return Stream.of(
        Arguments.of(
            "everything from env",
            Map.of(
                "bootstrapServersFromEnv", "KAFKA_BROKERS",
                "consumerGroupFromEnv", "KAFKA_GROUP",
                "topicFromEnv", "KAFKA_TOPIC"),
            "b1:9092,b2:9092|env-group|env-t"),
        Arguments.of(
            "metadata wins over env",
            md("bootstrapServersFromEnv", "KAFKA_BROKERS"),
            "localhost:9092|my-group|my-topic"),
        Arguments.of("no topic", md("topic", null), "localhost:9092|my-group|"),
        Arguments.of(
            "trimmed list", md("bootstrapServers", " a:1 , b:2 "), "a:1,b:2|my-group|my-topic"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valid")
  void connection(String name, Map<String, String> md, String expected) throws Exception {
    KafkaConfig c = bind(md, Map.of());
    assertThat(String.join(",", c.bootstrapServers()) + "|" + c.consumerGroup() + "|" + c.topic())
        .isEqualTo(expected);
  }

  static Stream<Arguments> scalingParams() {
    return Stream.of(
        Arguments.of(
            "lagThreshold 5",
            md("lagThreshold", "5"),
            new LagRules(5, 0, false, false, false, false, false, false)),
        Arguments.of(
            "activationLagThreshold 3",
            md("activationLagThreshold", "3"),
            new LagRules(10, 3, false, false, false, false, false, false)),
        Arguments.of(
            "activationLagThreshold 0", md("activationLagThreshold", "0"), LagRules.defaults(10)),
        Arguments.of(
            "earliest",
            md("offsetResetPolicy", "earliest"),
            new LagRules(10, 0, true, false, false, false, false, false)),
        Arguments.of(
            "scaleToZeroOnInvalidOffset",
            md("scaleToZeroOnInvalidOffset", "true"),
            new LagRules(10, 0, false, true, false, false, false, false)),
        Arguments.of(
            "excludePersistentLag",
            md("excludePersistentLag", "true"),
            new LagRules(10, 0, false, false, true, false, false, false)),
        Arguments.of(
            "allowIdleConsumers",
            md("allowIdleConsumers", "true"),
            new LagRules(10, 0, false, false, false, true, false, false)),
        Arguments.of(
            "limitToPartitionsWithLag",
            md("limitToPartitionsWithLag", "true"),
            new LagRules(10, 0, false, false, false, false, true, false)),
        Arguments.of(
            "ensureEvenDistributionOfPartitions",
            md("ensureEvenDistributionOfPartitions", "true"),
            new LagRules(10, 0, false, false, false, false, false, true)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scalingParams")
  void lagRules(String name, Map<String, String> md, LagRules expected) throws Exception {
    assertThat(bind(md, Map.of()).lagRules()).isEqualTo(expected);
  }

  @Test
  void partitionLimitationWithTopic() throws Exception {
    assertThat(bind(md("partitionLimitation", "1-4,8,10-12"), Map.of()).limitedPartitions())
        .containsExactly(1, 2, 3, 4, 8, 10, 11, 12);
  }

  @Test
  void partitionLimitationIgnoredWithoutTopic() throws Exception {
    KafkaConfig c = bind(md("topic", null, "partitionLimitation", "a,b"), Map.of());
    assertThat(c.limitedPartitions()).isEmpty();
  }

  @Test
  void otherParams() throws Exception {
    KafkaConfig c = bind(md("version", "2.8.1", "fullMetadata", "false"), Map.of());
    assertThat(c.version()).isEqualTo("2.8.1");
    assertThat(c.fullMetadata()).isFalse();
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of(
            "no bootstrapServers",
            md("bootstrapServers", null),
            Map.of(),
            "missing required parameter \"bootstrapServers\" in [triggerMetadata resolvedEnv]"),
        Arguments.of(
            "no consumerGroup",
            md("consumerGroup", null),
            Map.of(),
            "missing required parameter \"consumerGroup\" in [triggerMetadata resolvedEnv]"),
        Arguments.of(
            "lagThreshold 0",
            md("lagThreshold", "0"),
            Map.of(),
            "\"lagThreshold\" must be positive number"),
        Arguments.of(
            "lagThreshold -1",
            md("lagThreshold", "-1"),
            Map.of(),
            "\"lagThreshold\" must be positive number"),
        Arguments.of(
            "lagThreshold AA",
            md("lagThreshold", "AA"),
            Map.of(),
            "unable to set param \"lagThreshold\" value \"AA\""),
        Arguments.of(
            "activationLagThreshold -1",
            md("activationLagThreshold", "-1"),
            Map.of(),
            "\"activationLagThreshold\" must be positive number"),
        Arguments.of(
            "offsetResetPolicy foo",
            md("offsetResetPolicy", "foo"),
            Map.of(),
            "parameter \"offsetResetPolicy\" value \"foo\" must be one of [latest earliest]"),
        Arguments.of(
            "allowIdle + limitToPartitionsWithLag",
            md("allowIdleConsumers", "true", "limitToPartitionsWithLag", "true"),
            Map.of(),
            "allowIdleConsumers and limitToPartitionsWithLag cannot be set simultaneously"),
        Arguments.of(
            "ensureEven + limitToPartitionsWithLag",
            md("ensureEvenDistributionOfPartitions", "true", "limitToPartitionsWithLag", "true"),
            Map.of(),
            "limitToPartitionsWithLag and ensureEvenDistributionOfPartitions cannot be set"
                + " simultaneously"),
        Arguments.of(
            "limitToPartitionsWithLag without topic",
            md("topic", null, "limitToPartitionsWithLag", "true"),
            Map.of(),
            "topic must be specified when using limitToPartitionsWithLag"),
        Arguments.of(
            "ensureEven without topic",
            md("topic", null, "ensureEvenDistributionOfPartitions", "true"),
            Map.of(),
            "topic must be specified when using ensureEvenDistributionOfPartitions"),
        Arguments.of(
            "fullMetadata false without topic",
            md("topic", null, "fullMetadata", "false"),
            Map.of(),
            "topic must be specified when using fullMetadata=false"),
        Arguments.of(
            "partitionLimitation a,b,c",
            md("partitionLimitation", "a,b,c"),
            Map.of(),
            "invalid partition limitation: a,b,c"),
        Arguments.of(
            "partitionLimitation 1-2-3",
            md("partitionLimitation", "1-2-3"),
            Map.of(),
            "invalid partition limitation: 1-2-3"),
        Arguments.of(
            "version",
            md("version", "one"),
            Map.of(),
            "error parsing kafka version: invalid version `one`"));
  }

  static Stream<Arguments> invalidSecurity() {
    return Stream.of(
        Arguments.of(
            "tls foo", md("tls", "foo"), Map.of(), "error incorrect TLS value given, got foo"),
        Arguments.of(
            "tls cert without key",
            md("tls", "enable"),
            Map.of("cert", "C"),
            "key must be provided with cert"),
        Arguments.of(
            "tls key without cert",
            md(),
            Map.of("tls", "enable", "key", SECRET),
            "cert must be provided with key"),
        Arguments.of(
            "sasl unknown",
            md("sasl", "digest"),
            Map.of(),
            "parameter \"sasl\" value \"digest\" must be one of"),
        Arguments.of(
            "plaintext no username",
            md("sasl", "plaintext"),
            Map.of("password", SECRET),
            "no username given"),
        Arguments.of(
            "plaintext no password",
            md("sasl", "plaintext"),
            Map.of("username", "u"),
            "no password given"),
        Arguments.of(
            "scram_sha256 no password",
            md(),
            Map.of("sasl", "scram_sha256", "username", "u"),
            "no password given"),
        Arguments.of(
            "scram_sha512 no username",
            md("sasl", "scram_sha512"),
            Map.of("password", SECRET),
            "no username given"),
        Arguments.of(
            "oauthbearer no endpoint",
            md("sasl", "oauthbearer"),
            Map.of("username", "u", "password", SECRET),
            "no oauth token endpoint uri given"),
        Arguments.of(
            "oauthbearer no username",
            md("sasl", "oauthbearer"),
            Map.of("password", SECRET, "oauthTokenEndpointUri", "https://idp/token"),
            "no username given"),
        Arguments.of(
            "saslTokenProvider unknown",
            md("sasl", "oauthbearer", "saslTokenProvider", "x"),
            Map.of(),
            "parameter \"saslTokenProvider\" value \"x\" must be one of [bearer aws_msk_iam]"),
        Arguments.of(
            "aws_msk_iam without tls",
            md("sasl", "oauthbearer", "saslTokenProvider", "aws_msk_iam", "awsRegion", "eu-west-1"),
            Map.of(),
            "TLS is required for MSK"),
        Arguments.of(
            "aws_msk_iam without region",
            md("sasl", "oauthbearer", "saslTokenProvider", "aws_msk_iam", "tls", "enable"),
            Map.of(),
            "no awsRegion given"),
        Arguments.of(
            "gssapi no realm",
            md("sasl", "gssapi"),
            Map.of("username", "u", "password", SECRET, "kerberosConfig", "[libdefaults]"),
            "no realm given"),
        Arguments.of(
            "gssapi no kerberosConfig",
            md("sasl", "gssapi"),
            Map.of("username", "u", "password", SECRET, "realm", "R"),
            "no Kerberos configuration file (kerberosConfig) given"),
        Arguments.of(
            "gssapi password and keytab",
            md("sasl", "gssapi"),
            Map.of(
                "username",
                "u",
                "password",
                SECRET,
                "keytab",
                SECRET,
                "realm",
                "R",
                "kerberosConfig",
                "[libdefaults]"),
            "exactly one of 'password' or 'keytab' must be provided for GSSAPI authentication"),
        Arguments.of(
            "gssapi neither password nor keytab",
            md("sasl", "gssapi"),
            Map.of("username", "u", "realm", "R", "kerberosConfig", "[libdefaults]"),
            "exactly one of 'password' or 'keytab' must be provided for GSSAPI authentication"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource({"invalid", "invalidSecurity"})
  void rejected(String name, Map<String, String> md, Map<String, String> auth, String message) {
    ConfigException e = bindFails(md, auth);
    assertThat(e).as(name).isNotNull();
    assertThat(e.getMessage()).startsWith("error parsing kafka metadata: ").contains(message);
    assertThat(e.getMessage()).doesNotContain(SECRET);
  }

  static Stream<Arguments> validAuth() {
    return Stream.of(
        Arguments.of(
            "tls enable from authParams with cert and key",
            md(),
            Map.of("tls", "enable", "cert", "C", "key", SECRET, "ca", "CA", "keyPassword", SECRET)),
        Arguments.of(
            "tls enable without client cert", md("tls", "enable", "unsafeSsl", "true"), Map.of()),
        Arguments.of(
            "plaintext", md("sasl", "plaintext"), Map.of("username", "u", "password", SECRET)),
        Arguments.of(
            "scram_sha256",
            md(),
            Map.of("sasl", "scram_sha256", "username", "u", "password", SECRET)),
        Arguments.of(
            "scram_sha512",
            md("sasl", "scram_sha512"),
            Map.of("username", "u", "password", SECRET)),
        Arguments.of(
            "oauthbearer",
            md("sasl", "oauthbearer"),
            Map.of(
                "username",
                "u",
                "password",
                SECRET,
                "oauthTokenEndpointUri",
                "https://idp/token",
                "scopes",
                "a,b",
                "oauthExtensions",
                "k1=v1,k2=v2")),
        Arguments.of(
            "aws_msk_iam",
            md(
                "sasl",
                "oauthbearer",
                "saslTokenProvider",
                "aws_msk_iam",
                "tls",
                "enable",
                "awsRegion",
                "eu-west-1"),
            Map.of()),
        Arguments.of(
            "gssapi keytab",
            md("sasl", "gssapi"),
            Map.of(
                "username",
                "u",
                "keytab",
                SECRET,
                "realm",
                "R",
                "kerberosConfig",
                "[libdefaults]",
                "kerberosServiceName",
                "kfk",
                "kerberosDisableFAST",
                "true")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validAuth")
  void securityBindsAndNeverPrintsSecrets(
      String name, Map<String, String> md, Map<String, String> auth) throws Exception {
    KafkaConfig c = bind(md, auth);
    assertThat(c.tls().enabled() || c.sasl().enabled()).isTrue();
    assertThat(c.toString()).doesNotContain(SECRET);
  }

  @Test
  void saslAndTlsValuesAreBound() throws Exception {
    KafkaConfig c =
        bind(
            md("sasl", "oauthbearer", "tls", "enable", "unsafeSsl", "true"),
            Map.of(
                "username", "u",
                "password", SECRET,
                "oauthTokenEndpointUri", "https://idp/token",
                "scopes", "a, b",
                "oauthExtensions", "k1=v1,k2=v2",
                "ca", "CA",
                "cert", "C",
                "key", "K",
                "keyPassword", "KP"));
    assertThat(c.sasl().scopes()).containsExactly("a", "b");
    assertThat(c.sasl().oauthExtensions())
        .containsExactly(Map.entry("k1", "v1"), Map.entry("k2", "v2"));
    assertThat(c.tls().toTlsConfig().hasClientCert()).isTrue();
    assertThat(c.tls().unsafeSsl()).isTrue();
    assertThat(c.tls().ca()).isEqualTo("CA");
    assertThat(c.tls().keyPassword()).isEqualTo("KP");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"kafka", "apache-kafka"})
  void metricNames(String type) throws Exception {
    KafkaScalerProvider p = new KafkaScalerProvider();
    assertThat(p.triggerTypes()).contains(type);
    ScalerContext withTopic = ScalerContext.builder(type).triggerIndex(0).metadata(BASE).build();
    KafkaConfig c = p.bind(withTopic).config();
    assertThat(withTopic.metricName(c.metricBase())).isEqualTo("s0-kafka-my-topic");
    ScalerContext noTopic =
        ScalerContext.builder(type).triggerIndex(1).metadata(md("topic", null)).build();
    assertThat(noTopic.metricName(p.bind(noTopic).config().metricBase()))
        .isEqualTo("s1-kafka-my-group-topics");
  }

  @Test
  void metricSpecTargetsLagThreshold() throws Exception {
    ScalerContext ctx = ctx(0, md("lagThreshold", "7"), Map.of());
    KafkaConfig c = new KafkaScalerProvider().bind(ctx).config();
    KafkaScaler s = new KafkaScaler(ctx, c, null, null, ScalerContext.DEFAULT_HTTP_TIMEOUT);
    assertThat(s.metricSpecs())
        .containsExactly(
            MetricSpec.external("s0-kafka-my-topic", MetricTargetType.AVERAGE_VALUE, 7));
  }

  @Test
  void gssapiAndMskIamAreRejectedAtBuildWithAReason() throws Exception {
    Map<String, String> gssapi =
        Map.of("username", "u", "keytab", SECRET, "realm", "R", "kerberosConfig", "[x]");
    ScalerContext g = ctx(0, md("sasl", "gssapi"), gssapi);
    ConfigException e1 =
        catchThrowableOfType(
            ConfigException.class,
            () -> KafkaScalerProvider.rejectUnsupported(g, bind(md("sasl", "gssapi"), gssapi)));
    assertThat(e1.getMessage()).contains("gssapi is not supported").doesNotContain(SECRET);
    Map<String, String> msk =
        md(
            "sasl",
            "oauthbearer",
            "saslTokenProvider",
            "aws_msk_iam",
            "tls",
            "enable",
            "awsRegion",
            "r");
    ConfigException e2 =
        catchThrowableOfType(
            ConfigException.class,
            () ->
                KafkaScalerProvider.rejectUnsupported(ctx(0, msk, Map.of()), bind(msk, Map.of())));
    assertThat(e2.getMessage()).contains("aws_msk_iam is not supported");
  }

  @Test
  void unmatchedKeysAreWarnedNotFailed() throws Exception {
    var bound = new KafkaScalerProvider().bind(ctx(0, md("lagThreshhold", "5"), Map.of()));
    assertThat(bound.warnings())
        .singleElement()
        .satisfies(w -> assertThat(w.toString()).contains("lagThreshhold"));
    assertThat(bound.config().lagThreshold()).isEqualTo(10);
  }
}
