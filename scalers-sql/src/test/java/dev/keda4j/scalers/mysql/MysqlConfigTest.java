package dev.keda4j.scalers.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keda4j.scalers.config.ConfigException;
import dev.keda4j.scalers.spi.MetricSpec;
import dev.keda4j.scalers.spi.MetricTargetType;
import dev.keda4j.scalers.spi.Quantity;
import dev.keda4j.scalers.spi.Scaler;
import dev.keda4j.scalers.spi.ScalerContext;
import dev.keda4j.scalers.sql.TestRuntime;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Parameter cases of scalers.md §3.9 and "Test cases worth having" 17. */
class MysqlConfigTest {
  private static final TestRuntime RUNTIME = new TestRuntime();
  private static final MysqlScalerProvider PROVIDER = new MysqlScalerProvider();
  private static final Map<String, String> ENV =
      Map.of(
          "MYSQL_CONN", "test_username:envpw@tcp(test_host:3306)/stats_db",
          "MYSQL_PASSWORD", "pass:w@rd",
          "MYSQL_USER", "env_user");

  @AfterAll
  static void stop() throws InterruptedException {
    RUNTIME.close();
  }

  private static ScalerContext ctx(int index, Map<String, String> md, Map<String, String> auth) {
    return ScalerContext.builder("mysql")
        .triggerIndex(index)
        .metadata(md)
        .resolvedEnv(ENV)
        .authParams(auth)
        .build();
  }

  private static Map<String, String> md(String... kv) {
    Map<String, String> m = new HashMap<>();
    m.put("query", "SELECT COUNT(*) FROM t");
    m.put("queryValue", "12");
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  static Stream<Arguments> valid() {
    return Stream.of(
        Arguments.of(
            "connectionStringFromEnv",
            md("connectionStringFromEnv", "MYSQL_CONN"),
            Map.of(),
            new MysqlDsn("test_username", "envpw", "tcp", "test_host:3306", "stats_db", Map.of()),
            "stats_db"),
        Arguments.of(
            "connectionString in auth params, params kept in the metric's db part",
            md(),
            Map.of("connectionString", "u:p@tcp(h:1)/db?tls=false"),
            new MysqlDsn("u", "p", "tcp", "h:1", "db", Map.of("tls", "false")),
            "db?tls=false"),
        Arguments.of(
            "fields in metadata, passwordFromEnv",
            md(
                "host",
                "test_host",
                "port",
                "3307",
                "username",
                "test_username",
                "dbName",
                "test_dbname",
                "passwordFromEnv",
                "MYSQL_PASSWORD"),
            Map.of(),
            new MysqlDsn(
                "test_username", "pass:w@rd", "tcp", "test_host:3307", "test_dbname", Map.of()),
            "test_dbname"),
        Arguments.of(
            "fields in auth params, usernameFromEnv",
            md("usernameFromEnv", "MYSQL_USER"),
            Map.of("host", "h", "port", "3306", "dbName", "d", "password", "pw"),
            new MysqlDsn("env_user", "pw", "tcp", "h:3306", "d", Map.of()),
            "d"),
        Arguments.of(
            "no host or port: go-sql-driver's default address",
            md("dbName", "d"),
            Map.of(),
            new MysqlDsn("", "", "tcp", "127.0.0.1:3306", "d", Map.of()),
            "d"),
        Arguments.of(
            "host without port",
            md("host", "h", "dbName", "d", "metricName", "ignored"),
            Map.of(),
            new MysqlDsn("", "", "tcp", "h:3306", "d", Map.of()),
            "d"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valid")
  void binds(
      String name,
      Map<String, String> md,
      Map<String, String> auth,
      MysqlDsn expected,
      String metricDb)
      throws ConfigException {
    MysqlConfig c = PROVIDER.bind(ctx(0, md, auth)).config();
    assertThat(c.dsn()).isEqualTo(expected);
    assertThat(c.metricDbName()).isEqualTo(metricDb);
    assertThat(c.queryValue()).isEqualTo(12);
    assertThat(c.activationQueryValue()).isZero();
    assertThat(c.toString()).doesNotContain("envpw", "pass:w@rd", "p@tcp");
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("no query", Map.of("queryValue", "1"), Map.of(), "missing required"),
        Arguments.of("no queryValue", Map.of("query", "q"), Map.of(), "missing required"),
        Arguments.of("queryValue text", md("queryValue", "AA"), Map.of(), "unable to set"),
        Arguments.of(
            "connection string without slash",
            md(),
            Map.of("connectionString", "u:secretpw@tcp(h:1)"),
            "missing the slash"),
        Arguments.of(
            "unsupported tls config",
            md(),
            Map.of("connectionString", "u:secretpw@tcp(h:1)/d?tls=custom"),
            "registered TLS configs"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void rejects(String name, Map<String, String> md, Map<String, String> auth, String message) {
    assertThatThrownBy(() -> PROVIDER.bind(ctx(0, md, auth)))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("error parsing mysql metadata: ")
        .hasMessageContaining(message)
        .message()
        .doesNotContain("secretpw");
  }

  @Test
  void activationIsRead() throws ConfigException {
    assertThat(
            PROVIDER
                .bind(ctx(0, md("activationQueryValue", "3.5", "dbName", "d"), Map.of()))
                .config()
                .activationQueryValue())
        .isEqualTo(3.5);
  }

  static Stream<Arguments> names() {
    return Stream.of(
        Arguments.of(
            "connectionString .../stats_db, index 0",
            0,
            md(),
            Map.of("connectionString", "test_username:test_password@tcp(test_host:3306)/stats_db"),
            "s0-mysql-stats_db"),
        Arguments.of(
            "dbName test_dbname, index 1",
            1,
            md("host", "test_host", "port", "3306", "username", "u", "dbName", "test_dbname"),
            Map.of("password", "pw"),
            "s1-mysql-test_dbname"),
        Arguments.of(
            "dbName with a dot is normalised", 0, md("dbName", "a.b"), Map.of(), "s0-mysql-a-b"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  void metricNames(
      String name, int index, Map<String, String> md, Map<String, String> auth, String expected)
      throws ConfigException {
    ScalerContext ctx = ctx(index, md, auth);
    try (Scaler s = PROVIDER.create(ctx, PROVIDER.bind(ctx).config(), RUNTIME.runtime())) {
      assertThat(s.metricSpecs())
          .containsExactly(
              MetricSpec.external(expected, MetricTargetType.AVERAGE_VALUE, Quantity.of(12)));
    }
  }
}
