package dev.keda4j.scalers.postgresql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keda4j.scalers.config.ConfigException;
import dev.keda4j.scalers.spi.MetricSpec;
import dev.keda4j.scalers.spi.MetricTargetType;
import dev.keda4j.scalers.spi.Quantity;
import dev.keda4j.scalers.spi.Scaler;
import dev.keda4j.scalers.spi.ScalerContext;
import dev.keda4j.scalers.sql.JdbcTarget;
import dev.keda4j.scalers.sql.TestRuntime;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Parameter cases of scalers.md §3.8 and "Test cases worth having" 18. */
class PostgresqlConfigTest {
  private static final TestRuntime RUNTIME = new TestRuntime();
  private static final PostgresqlScalerProvider PROVIDER = new PostgresqlScalerProvider();
  private static final Map<String, String> ENV =
      Map.of(
          "PG_CONN",
          "postgresql://app:envpw@db:5433/jobs?sslmode=disable",
          "PG_PASSWORD",
          "env secret");

  @AfterAll
  static void stop() throws InterruptedException {
    RUNTIME.close();
  }

  private static ScalerContext ctx(
      int index, Map<String, String> md, Map<String, String> auth, boolean asMetricSource) {
    return ScalerContext.builder("postgresql")
        .triggerIndex(index)
        .metadata(md)
        .resolvedEnv(ENV)
        .authParams(auth)
        .asMetricSource(asMetricSource)
        .build();
  }

  private static Map<String, String> md(String... kv) {
    Map<String, String> m = new HashMap<>();
    m.put("query", "SELECT 1");
    m.put("targetQueryValue", "5");
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  private static final Map<String, String> FIELDS =
      Map.of("host", "h", "port", "5432", "userName", "u", "dbName", "d", "sslmode", "disable");

  static Stream<Arguments> valid() {
    return Stream.of(
        Arguments.of(
            "connection from auth params",
            md(),
            Map.of("connection", "host=h user=u password=pw dbname=d"),
            new JdbcTarget("jdbc:postgresql://h:5432/d", "u", "pw", Map.of())),
        Arguments.of(
            "connectionFromEnv (URI)",
            md("connectionFromEnv", "PG_CONN"),
            Map.of(),
            new JdbcTarget(
                "jdbc:postgresql://db:5433/jobs", "app", "envpw", Map.of("sslmode", "disable"))),
        Arguments.of(
            "fields in metadata, passwordFromEnv with a blank",
            md(
                "host",
                "h",
                "port",
                "5432",
                "userName",
                "u",
                "dbName",
                "d",
                "sslmode",
                "disable",
                "passwordFromEnv",
                "PG_PASSWORD"),
            Map.of(),
            new JdbcTarget(
                "jdbc:postgresql://h:5432/d", "u", "env secret", Map.of("sslmode", "disable"))),
        Arguments.of(
            "fields in auth params win over metadata",
            md("host", "ignored", "port", "1"),
            withPassword(FIELDS, "it's"),
            new JdbcTarget(
                "jdbc:postgresql://h:5432/d", "u", "it's", Map.of("sslmode", "disable"))),
        Arguments.of(
            "connection wins over fields",
            md("host", "other"),
            Map.of("connection", "host=h dbname=d", "host", "x"),
            new JdbcTarget("jdbc:postgresql://h:5432/d", "", "", Map.of())));
  }

  private static Map<String, String> withPassword(Map<String, String> m, String pw) {
    Map<String, String> out = new HashMap<>(m);
    out.put("password", pw);
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valid")
  void binds(String name, Map<String, String> md, Map<String, String> auth, JdbcTarget expected)
      throws ConfigException {
    PostgresqlConfig c = PROVIDER.bind(ctx(0, md, auth, false)).config();
    assertThat(PgJdbcTargets.fromConnectionString(c.connectionString())).isEqualTo(expected);
    assertThat(c.query()).isEqualTo("SELECT 1");
    assertThat(c.targetQueryValue()).isEqualTo(5);
    assertThat(c.toString()).doesNotContain("envpw", "env secret", "it's", "password=pw");
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("no query", Map.of("targetQueryValue", "5"), FIELDS, "missing required"),
        Arguments.of(
            "no targetQueryValue", Map.of("query", "q"), FIELDS, "no targetQueryValue given"),
        Arguments.of(
            "targetQueryValue 0", md("targetQueryValue", "0"), FIELDS, "no targetQueryValue"),
        Arguments.of(
            "targetQueryValue text", md("targetQueryValue", "AA"), FIELDS, "unable to set"),
        Arguments.of("no host", md(), without(FIELDS, "host"), "no host given"),
        Arguments.of("no port", md(), without(FIELDS, "port"), "no port given"),
        Arguments.of("no userName", md(), without(FIELDS, "userName"), "no userName given"),
        Arguments.of("no dbName", md(), without(FIELDS, "dbName"), "no dbName given"),
        Arguments.of("no sslmode", md(), without(FIELDS, "sslmode"), "no sslmode given"),
        Arguments.of(
            "malformed connection",
            md(),
            Map.of("connection", "host=h password=top secret"),
            "missing \"=\""));
  }

  private static Map<String, String> without(Map<String, String> m, String key) {
    Map<String, String> out = new HashMap<>(m);
    out.remove(key);
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void rejects(String name, Map<String, String> md, Map<String, String> auth, String message) {
    assertThatThrownBy(() -> PROVIDER.bind(ctx(0, md, auth, false)))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("error parsing postgresql metadata: ")
        .hasMessageContaining(message)
        .message()
        .doesNotContain("secret");
  }

  @Test
  void targetNotRequiredWithScalingModifiers() throws ConfigException {
    PostgresqlConfig c = PROVIDER.bind(ctx(0, Map.of("query", "q"), FIELDS, true)).config();
    assertThat(c.targetQueryValue()).isZero();
  }

  @Test
  void activationDefaultsToZero() throws ConfigException {
    assertThat(PROVIDER.bind(ctx(0, md(), FIELDS, false)).config().activationTargetQueryValue())
        .isZero();
    assertThat(
            PROVIDER
                .bind(ctx(0, md("activationTargetQueryValue", "2.5"), FIELDS, false))
                .config()
                .activationTargetQueryValue())
        .isEqualTo(2.5);
  }

  static Stream<Arguments> names() {
    return Stream.of(Arguments.of(0, "s0-postgresql"), Arguments.of(1, "s1-postgresql"));
  }

  @ParameterizedTest(name = "index {0} -> {1}")
  @MethodSource("names")
  void metricNames(int index, String expected) throws ConfigException {
    ScalerContext ctx = ctx(index, md("targetQueryValue", "2.5"), FIELDS, false);
    try (Scaler s = PROVIDER.create(ctx, PROVIDER.bind(ctx).config(), RUNTIME.runtime())) {
      assertThat(s.metricSpecs())
          .containsExactly(
              MetricSpec.external(
                  expected, MetricTargetType.AVERAGE_VALUE, Quantity.fromDouble(2.5)));
    }
  }
}
