package dev.keda4j.scalers.postgresql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keda4j.scalers.sql.JdbcTarget;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** libpq connection strings (keyword/value and URI) to pgjdbc targets. */
class PgJdbcTargetsTest {

  static Stream<Arguments> conversions() {
    return Stream.of(
        Arguments.of(
            "keyword/value, KEDA's built form",
            "host=db.example port=5432 user=app dbname=jobs sslmode=disable password=pw",
            new JdbcTarget(
                "jdbc:postgresql://db.example:5432/jobs",
                "app",
                "pw",
                Map.of("sslmode", "disable"))),
        Arguments.of(
            "quoted values with escapes",
            "host=h user=u password='a b\\'c\\\\d' dbname='my db'",
            new JdbcTarget("jdbc:postgresql://h:5432/my%20db", "u", "a b'c\\d", Map.of())),
        Arguments.of(
            "blanks around = and backslash in a plain value",
            "host = h  port= 6543 user =u password=p\\ q dbname=d",
            new JdbcTarget("jdbc:postgresql://h:6543/d", "u", "p q", Map.of())),
        Arguments.of(
            "empty password at the end",
            "host=h port=5432 user=u dbname=d sslmode=require password=",
            new JdbcTarget("jdbc:postgresql://h:5432/d", "u", "", Map.of("sslmode", "require"))),
        Arguments.of(
            "no host, no port, no dbname: localhost, 5432, database = user",
            "user=alice",
            new JdbcTarget("jdbc:postgresql://localhost:5432/alice", "alice", "", Map.of())),
        Arguments.of(
            "several hosts and ports, session attrs",
            "host=a,b port=5432,5433 dbname=d target_session_attrs=read-write",
            new JdbcTarget(
                "jdbc:postgresql://a:5432,b:5433/d",
                "",
                "",
                Map.of("targetServerType", "primary"))),
        Arguments.of(
            "hostaddr when host is absent; renamed keywords",
            "hostaddr=10.0.0.1 dbname=d connect_timeout=7 application_name=keda sslrootcert=/ca",
            new JdbcTarget(
                "jdbc:postgresql://10.0.0.1:5432/d",
                "",
                "",
                Map.of("connectTimeout", "7", "ApplicationName", "keda", "sslrootcert", "/ca"))),
        Arguments.of(
            "unknown keywords become server settings after options",
            "dbname=d search_path='a b' options='-c work_mem=4MB'",
            new JdbcTarget(
                "jdbc:postgresql://localhost:5432/d",
                "",
                "",
                Map.of("options", "-c work_mem=4MB -c search_path=a\\ b"))),
        Arguments.of(
            "URI with user, percent-encoded password and query",
            "postgresql://app:p%40ss%2Fw+rd@db:5433/jobs?sslmode=verify-full&application_name=k",
            new JdbcTarget(
                "jdbc:postgresql://db:5433/jobs",
                "app",
                "p@ss/w+rd",
                Map.of("sslmode", "verify-full", "ApplicationName", "k"))),
        Arguments.of(
            "postgres:// scheme, no port, no user",
            "postgres://db/jobs",
            new JdbcTarget("jdbc:postgresql://db:5432/jobs", "", "", Map.of())),
        Arguments.of(
            "URI with IPv6 and several hosts",
            "postgresql://u@[::1]:5433,other/d",
            new JdbcTarget("jdbc:postgresql://[::1]:5433,other:5432/d", "u", "", Map.of())),
        Arguments.of(
            "URI without database: database = user",
            "postgresql://bob:x@h",
            new JdbcTarget("jdbc:postgresql://h:5432/bob", "bob", "x", Map.of())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("conversions")
  void converts(String name, String conninfo, JdbcTarget expected) {
    assertThat(PgJdbcTargets.fromConnectionString(conninfo)).isEqualTo(expected);
  }

  static Stream<Arguments> errors() {
    return Stream.of(
        Arguments.of(
            "a blank in an unquoted password", "host=h password=top secret", "keyword number 3"),
        Arguments.of("unterminated quote", "host=h password='abc", "unterminated quoted string"),
        Arguments.of("bad sslmode", "host=h sslmode=sometimes", "invalid sslmode value"),
        Arguments.of("bad port", "host=h port=http", "invalid port number"),
        Arguments.of("ports do not match hosts", "host=a,b,c port=1,2", "could not match 2 port"),
        Arguments.of("unix socket", "host=/var/run/postgresql", "unix-domain sockets"),
        Arguments.of(
            "bad target_session_attrs",
            "host=h target_session_attrs=whatever",
            "invalid target_session_attrs"),
        Arguments.of(
            "URI query parameter without value",
            "postgresql://h/d?sslmode=disable&topsecret",
            "a parameter has no value"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  void rejectsWithoutQuotingSecrets(String name, String conninfo, String message) {
    assertThatThrownBy(() -> PgJdbcTargets.fromConnectionString(conninfo))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message)
        .message()
        .doesNotContain("secret")
        .doesNotContain("abc");
  }

  static Stream<Arguments> quoting() {
    return Stream.of(
        Arguments.of("plain", "abc", "abc"),
        Arguments.of("empty stays empty like KEDA", "", ""),
        Arguments.of("blank", "a b", "'a b'"),
        Arguments.of("quote", "it's", "'it\\'s'"),
        Arguments.of("backslash", "a\\b", "'a\\\\b'"),
        Arguments.of("tab", "a\tb", "'a\tb'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("quoting")
  void quotesLikeKeda(String name, String value, String expected) {
    assertThat(LibpqConnInfo.quote(value)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("quoting")
  void quotedValuesParseBack(String name, String value, String ignored) {
    assertThat(LibpqConnInfo.parse("password=" + LibpqConnInfo.quote(value)))
        .containsEntry("password", value);
  }

  @Test
  void targetToStringHidesThePassword() {
    JdbcTarget t = PgJdbcTargets.fromConnectionString("host=h user=u password=hunter2");
    assertThat(t.toString()).doesNotContain("hunter2").contains("<redacted>");
  }
}
