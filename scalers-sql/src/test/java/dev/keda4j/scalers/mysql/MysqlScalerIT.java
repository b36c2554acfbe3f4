package dev.keda4j.scalers.mysql;

import static dev.keda4j.scalers.sql.ScalerPolls.failure;
import static dev.keda4j.scalers.sql.ScalerPolls.poll;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keda4j.scalers.spi.Scaler;
import dev.keda4j.scalers.spi.ScalerContext;
import dev.keda4j.scalers.spi.ScalerRegistry;
import dev.keda4j.scalers.spi.ScalerResult;
import dev.keda4j.scalers.sql.SqlQueryException;
import dev.keda4j.scalers.sql.TestRuntime;
import dev.keda4j.testkit.sources.MariaDbFixture;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code mysql} against the real MariaDB on this machine (a database of our own). */
class MysqlScalerIT {
  @RegisterExtension static final MariaDbFixture DB = new MariaDbFixture();

  private static final TestRuntime RUNTIME = new TestRuntime();
  private static final ScalerRegistry REGISTRY = ScalerRegistry.load();

  private final List<Scaler> scalers = new ArrayList<>();

  @BeforeAll
  static void tables() throws Exception {
    DB.execute(
        "CREATE TABLE jobs (id INT AUTO_INCREMENT PRIMARY KEY, state VARCHAR(20) NOT NULL,"
            + " cost DECIMAL(10,3))",
        "INSERT INTO jobs (state, cost) VALUES ('queued', 0.5), ('queued', 0.5), ('queued', 0.5),"
            + " ('queued', 0.5), ('queued', 0.5), ('done', NULL)");
  }

  @AfterEach
  void closeScalers() {
    scalers.forEach(Scaler::close);
    scalers.clear();
  }

  @AfterAll
  static void stop() throws InterruptedException {
    RUNTIME.close();
  }

  private static String metric() {
    return "s0-mysql-" + DB.database();
  }

  private Scaler scaler(Map<String, String> auth, Duration timeout, String... kv) throws Exception {
    Map<String, String> md = new HashMap<>();
    md.put("queryValue", "3");
    for (int i = 0; i < kv.length; i += 2) {
      md.put(kv[i], kv[i + 1]);
    }
    ScalerContext ctx =
        ScalerContext.builder("mysql")
            .scalableObject("ScaledObject", "it", "mysql-app")
            .metadata(md)
            .authParams(auth)
            .globalHttpTimeout(timeout)
            .build();
    Scaler s = REGISTRY.build(ctx, RUNTIME.runtime()).scaler();
    scalers.add(s);
    return s;
  }

  private Scaler scaler(String query, String... kv) throws Exception {
    List<String> all = new ArrayList<>(List.of("query", query));
    all.addAll(List.of(kv));
    return scaler(
        Map.of("connectionString", DB.dsn()), Duration.ofSeconds(3), all.toArray(String[]::new));
  }

  @Test
  void countsRows() throws Exception {
    Scaler s = scaler("SELECT COUNT(*) FROM jobs WHERE state = 'queued'");
    assertThat(s.metricSpecs().get(0).metricName()).isEqualTo(metric());
    ScalerResult r = poll(s, metric());
    assertThat(r.values().get(0).metricName()).isEqualTo(metric());
    assertThat(r.values().get(0).value().doubleValue()).isEqualTo(5);
    assertThat(r.active()).isTrue();
  }

  @Test
  void readsFloatResults() throws Exception {
    assertThat(poll(scaler("SELECT SUM(cost) FROM jobs"), metric()).values().get(0).value())
        .hasToString("2500m");
    assertThat(poll(scaler("SELECT 1.25e0"), metric()).values().get(0).value().milliValue())
        .isEqualTo(1250);
  }

  @Test
  void activationAroundTheThreshold() throws Exception {
    String q = "SELECT COUNT(*) FROM jobs WHERE state = 'queued'";
    assertThat(poll(scaler(q, "activationQueryValue", "4"), metric()).active()).isTrue();
    assertThat(poll(scaler(q, "activationQueryValue", "5"), metric()).active()).isFalse();
    assertThat(poll(scaler(q, "activationQueryValue", "4.99"), metric()).active()).isTrue();
    assertThat(poll(scaler("SELECT 0"), metric()).active()).isFalse();
  }

  @Test
  void fieldsInsteadOfAConnectionString() throws Exception {
    Map<String, String> auth = new HashMap<>();
    auth.put("password", DB.password());
    Scaler s =
        scaler(
            auth,
            Duration.ofSeconds(3),
            "query",
            "SELECT COUNT(*) FROM jobs",
            "host",
            DB.host(),
            "port",
            Integer.toString(DB.port()),
            "username",
            DB.user(),
            "dbName",
            DB.database());
    assertThat(poll(s, metric()).values().get(0).value().doubleValue()).isEqualTo(6);
  }

  @Test
  void emptyResultIsAnError() throws Exception {
    Throwable t = failure(scaler("SELECT id FROM jobs WHERE state = 'missing'"), metric());
    assertThat(t).isInstanceOf(SqlQueryException.class);
    assertThat(t).hasMessage("could not query MySQL: query returned no rows");
  }

  @Test
  void nullIsAnError() throws Exception {
    Throwable t = failure(scaler("SELECT cost FROM jobs WHERE state = 'done'"), metric());
    assertThat(t).hasMessage("could not query MySQL: query result is NULL");
  }

  @Test
  void nonNumericIsAnError() throws Exception {
    Throwable t = failure(scaler("SELECT state FROM jobs LIMIT 1"), metric());
    assertThat(t).hasMessage("could not query MySQL: query result \"queued\" is not a number");
  }

  @Test
  void syntaxErrorIsAnError() throws Exception {
    Throwable t = failure(scaler("SELEC COUNT(*) FROM jobs"), metric());
    assertThat(t).hasMessageStartingWith("could not query MySQL: ").hasMessageContaining("syntax");
  }

  @Test
  void wrongPasswordFailsWithoutThePassword() throws Exception {
    String user = "k4j_u_" + Long.toHexString(System.nanoTime());
    DB.execute(
        "CREATE USER '" + user + "'@'%' IDENTIFIED BY 'right-pw-123'",
        "CREATE USER '" + user + "'@'localhost' IDENTIFIED BY 'right-pw-123'");
    try {
      String dsn = user + ":wrong-pw-456@tcp(" + DB.host() + ":" + DB.port() + ")/" + DB.database();
      Scaler s =
          scaler(Map.of("connectionString", dsn), Duration.ofSeconds(1), "query", "SELECT 1");
      Throwable t = failure(s, metric());
      assertThat(t).hasMessageStartingWith("could not query MySQL: ");
      assertThat(t.getMessage()).contains("Access denied").doesNotContain("wrong-pw-456");
      assertThat(t.getMessage()).doesNotContain("right-pw-123");
    } finally {
      closeScalers();
      DB.execute("DROP USER '" + user + "'@'%'", "DROP USER '" + user + "'@'localhost'");
    }
  }

  @Test
  void unreachablePortFailsWithinTheTimeout() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Scaler s =
        scaler(
            Map.of("connectionString", "u:p@tcp(127.0.0.1:" + port + ")/d"),
            Duration.ofMillis(800),
            "query",
            "SELECT 1");
    long start = System.nanoTime();
    Throwable t = failure(s, s.metricSpecs().get(0).metricName());
    assertThat(t).hasMessageStartingWith("could not query MySQL: ");
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5000);
  }

  @Test
  void slowQueryIsCancelledByTheTimeout() throws Exception {
    Scaler s =
        scaler(
            Map.of("connectionString", DB.dsn()),
            Duration.ofSeconds(1),
            "query",
            "SELECT SLEEP(10)");
    long start = System.nanoTime();
    Throwable t = failure(s, metric());
    assertThat(t).hasMessageStartingWith("could not query MySQL: ");
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5000);
  }

  @Test
  void scalersWithTheSameTargetShareOnePool() throws Exception {
    int before = RUNTIME.pools().size();
    Scaler a = scaler("SELECT 1");
    Scaler b = scaler("SELECT 2");
    assertThat(RUNTIME.pools().size()).isEqualTo(before + 1);
    assertThat(poll(a, metric()).values().get(0).value().doubleValue()).isEqualTo(1);
    assertThat(poll(b, metric()).values().get(0).value().doubleValue()).isEqualTo(2);
    a.close();
    assertThat(poll(b, metric()).values().get(0).value().doubleValue()).isEqualTo(2);
    b.close();
    assertThat(RUNTIME.pools().size()).isEqualTo(before);
  }
}
