package dev.keda4j.scalers.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keda4j.scalers.sql.JdbcTarget;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** go-sql-driver DSNs: parsing and conversion to MariaDB Connector/J targets. */
class MysqlDsnTest {

  static Stream<Arguments> parses() {
    return Stream.of(
        Arguments.of(
            "full",
            "user:pass@tcp(db:3307)/stats_db",
            new MysqlDsn("user", "pass", "tcp", "db:3307", "stats_db", Map.of())),
        Arguments.of(
            "password with @ : and /",
            "user:p@s:s/w@tcp(db:3306)/d",
            new MysqlDsn("user", "p@s:s/w", "tcp", "db:3306", "d", Map.of())),
        Arguments.of(
            "no port: 3306",
            "u:p@tcp(db)/d",
            new MysqlDsn("u", "p", "tcp", "db:3306", "d", Map.of())),
        Arguments.of(
            "no address: 127.0.0.1:3306",
            "u@tcp/d",
            new MysqlDsn("u", "", "tcp", "127.0.0.1:3306", "d", Map.of())),
        Arguments.of(
            "only the database",
            "/d",
            new MysqlDsn("", "", "tcp", "127.0.0.1:3306", "d", Map.of())),
        Arguments.of(
            "empty database", "u:p@tcp(h:1)/", new MysqlDsn("u", "p", "tcp", "h:1", "", Map.of())),
        Arguments.of(
            "IPv6 without port",
            "u@tcp(::1)/d",
            new MysqlDsn("u", "", "tcp", "[::1]:3306", "d", Map.of())),
        Arguments.of(
            "IPv6 with port",
            "u@tcp([::1]:3310)/d",
            new MysqlDsn("u", "", "tcp", "[::1]:3310", "d", Map.of())),
        Arguments.of(
            "unix socket",
            "u@unix(/run/mysqld.sock)/d",
            new MysqlDsn("u", "", "unix", "/run/mysqld.sock", "d", Map.of())),
        Arguments.of(
            "params unescaped, database path-unescaped",
            "u@tcp(h:1)/my%20db?tls=skip-verify&time_zone=%27%2B00%3A00%27",
            new MysqlDsn(
                "u",
                "",
                "tcp",
                "h:1",
                "my db",
                Map.of("tls", "skip-verify", "time_zone", "'+00:00'"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("parses")
  void parsesLikeGoSqlDriver(String name, String dsn, MysqlDsn expected) {
    assertThat(MysqlDsn.parse(dsn)).isEqualTo(expected);
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("no slash", "u:secretpw@tcp(h:1)", "missing the slash"),
        Arguments.of("unterminated address", "u:secretpw@tcp(h:1/d", "missing closing brace"),
        Arguments.of("unknown network", "u:secretpw@udp(h:1)/d", "unknown network"),
        Arguments.of("param without value", "u:secretpw@tcp(h:1)/d?tls", "has no value"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void rejectsWithoutQuotingThePassword(String name, String dsn, String message) {
    assertThatThrownBy(() -> MysqlDsn.parse(dsn))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message)
        .message()
        .doesNotContain("secretpw");
  }

  static Stream<Arguments> conversions() {
    return Stream.of(
        Arguments.of(
            "plain",
            "root:pw@tcp(127.0.0.1:3306)/k4j",
            new JdbcTarget("jdbc:mariadb://127.0.0.1:3306/k4j", "root", "pw", Map.of())),
        Arguments.of(
            "tls, timeouts",
            "u@tcp(h:1)/d?tls=true&timeout=5s&readTimeout=1m30s",
            new JdbcTarget(
                "jdbc:mariadb://h:1/d",
                "u",
                "",
                Map.of(
                    "sslMode", "verify-full", "connectTimeout", "5000", "socketTimeout", "90000"))),
        Arguments.of(
            "skip-verify, ignored Go knobs, session variables",
            "u@tcp(h:1)/d?tls=skip-verify&parseTime=true&charset=utf8mb4&sql_mode=ANSI",
            new JdbcTarget(
                "jdbc:mariadb://h:1/d",
                "u",
                "",
                Map.of("sslMode", "trust", "sessionVariables", "sql_mode=ANSI"))),
        Arguments.of(
            "unix socket",
            "u@unix(/run/m.sock)/d?tls=false",
            new JdbcTarget(
                "jdbc:mariadb://localhost/d",
                "u",
                "",
                Map.of("localSocket", "/run/m.sock", "sslMode", "disable"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("conversions")
  void convertsToConnectorJ(String name, String dsn, JdbcTarget expected) {
    assertThat(MysqlJdbcTargets.toJdbc(MysqlDsn.parse(dsn))).isEqualTo(expected);
  }

  @Test
  void rejectsRegisteredTlsConfigsAndBadDurations() {
    assertThatThrownBy(() -> MysqlJdbcTargets.toJdbc(MysqlDsn.parse("u@tcp(h)/d?tls=custom")))
        .hasMessageContaining("registered TLS configs are not supported");
    assertThatThrownBy(() -> MysqlJdbcTargets.toJdbc(MysqlDsn.parse("u@tcp(h)/d?timeout=soon")))
        .hasMessageContaining("invalid duration for timeout");
  }

  @Test
  void toStringHidesThePassword() {
    assertThat(MysqlDsn.parse("u:hunter2@tcp(h:1)/d").toString())
        .doesNotContain("hunter2")
        .contains("<redacted>");
  }
}
