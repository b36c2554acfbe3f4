package dev.keda4j.scalers.postgresql;

import static dev.keda4j.scalers.sql.ScalerPolls.failure;
import static dev.keda4j.scalers.sql.ScalerPolls.poll;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keda4j.scalers.spi.Scaler;
import dev.keda4j.scalers.spi.ScalerContext;
import dev.keda4j.scalers.spi.ScalerRegistry;
import dev.keda4j.scalers.spi.ScalerResult;
import dev.keda4j.scalers.sql.SqlQueryException;
import dev.keda4j.scalers.sql.TestRuntime;
import dev.keda4j.testkit.sources.PostgresFixture;
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

/** {@code postgresql} against the real PostgreSQL on this machine (a database of our own). */
class PostgresqlScalerIT {
  @RegisterExtension static final PostgresFixture PG = new PostgresFixture();

  private static final TestRuntime RUNTIME = new TestRuntime();
  private static final ScalerRegistry REGISTRY = ScalerRegistry.load();
  private static final String METRIC = "s0-postgresql";

  private final List<Scaler> scalers = new ArrayList<>();

  @BeforeAll
  static void tables() throws Exception {
    PG.execute(
        "CREATE TABLE jobs (id serial PRIMARY KEY, state text NOT NULL, cost numeric)",
        "INSERT INTO jobs (state, cost) SELECT 'queued', 0.5 FROM generate_series(1, 7)",
        "INSERT INTO jobs (state, cost) VALUES ('done', NULL)");
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

  private Scaler scaler(Map<String, String> auth, Duration timeout, String... kv) throws Exception {
    Map<String, String> md = new HashMap<>();
    md.put("targetQueryValue", "5");
    for (int i = 0; i < kv.length; i += 2) {
      md.put(kv[i], kv[i + 1]);
    }
    ScalerContext ctx =
        ScalerContext.builder("postgresql")
            .scalableObject("ScaledObject", "it", "pg-app")
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
        Map.of("connection", PG.connectionString()),
        Duration.ofSeconds(3),
        all.toArray(String[]::new));
  }

  @Test
  void countsRows() throws Exception {
    ScalerResult r = poll(scaler("SELECT COUNT(*) FROM jobs WHERE state = 'queued'"), METRIC);
    assertThat(r.values()).hasSize(1);
    assertThat(r.values().get(0).metricName()).isEqualTo(METRIC);
    assertThat(r.values().get(0).value().doubleValue()).isEqualTo(7);
    assertThat(r.active()).isTrue();
  }

  @Test
  void readsFloatResults() throws Exception {
    ScalerResult r = poll(scaler("SELECT SUM(cost) / 2 FROM jobs"), METRIC);
    assertThat(r.values().get(0).value().milliValue()).isEqualTo(1750);
    r = poll(scaler("SELECT 0.125::float8"), METRIC);
    assertThat(r.values().get(0).value().milliValue()).isEqualTo(125);
  }

  @Test
  void activationAroundTheThreshold() throws Exception {
    String q = "SELECT COUNT(*) FROM jobs WHERE state = 'queued'";
    assertThat(poll(scaler(q, "activationTargetQueryValue", "6"), METRIC).active()).isTrue();
    assertThat(poll(scaler(q, "activationTargetQueryValue", "7"), METRIC).active()).isFalse();
    assertThat(poll(scaler(q, "activationTargetQueryValue", "6.9"), METRIC).active()).isTrue();
    assertThat(poll(scaler("SELECT 0"), METRIC).active()).isFalse();
  }

  @Test
  void fieldsWithPasswordInAuthParams() throws Exception {
    Map<String, String> auth = new HashMap<>();
    auth.put("host", PG.host());
    auth.put("port", Integer.toString(PG.port()));
    auth.put("userName", PG.user());
    auth.put("dbName", PG.database());
    auth.put("sslmode", "disable");
    auth.put("password", PG.password());
    Scaler s = scaler(auth, Duration.ofSeconds(3), "query", "SELECT COUNT(*) FROM jobs");
    assertThat(poll(s, METRIC).values().get(0).value().doubleValue()).isEqualTo(8);
  }

  @Test
  void emptyResultIsAnError() throws Exception {
    Throwable t = failure(scaler("SELECT id FROM jobs WHERE state = 'missing'"), METRIC);
    assertThat(t).isInstanceOf(SqlQueryException.class);
    assertThat(t).hasMessage("could not query postgreSQL: query returned no rows");
  }

  @Test
  void nullIsAnError() throws Exception {
    Throwable t = failure(scaler("SELECT cost FROM jobs WHERE state = 'done'"), METRIC);
    assertThat(t).hasMessage("could not query postgreSQL: query result is NULL");
  }

  @Test
  void nonNumericIsAnError() throws Exception {
    Throwable t = failure(scaler("SELECT state FROM jobs LIMIT 1"), METRIC);
    assertThat(t).hasMessage("could not query postgreSQL: query result \"queued\" is not a number");
    t = failure(scaler("SELECT true"), METRIC);
    assertThat(t).hasMessageContaining("of type Boolean is not a number");
  }

  @Test
  void syntaxErrorIsAnError() throws Exception {
    Throwable t = failure(scaler("SELEC COUNT(*) FROM jobs"), METRIC);
    assertThat(t)
        .hasMessageStartingWith("could not query postgreSQL: ")
        .hasMessageContaining("syntax");
  }

  /**
   * The shared server trusts loopback connections (pg_hba {@code trust}), so a wrong password is
   * never checked there; a role that may not log in gives the same kind of failed login while the
   * scaler holds a password.
   */
  @Test
  void rejectedLoginFailsWithoutThePassword() throws Exception {
    String user = "k4j_u_" + Long.toHexString(System.nanoTime());
    PG.execute("CREATE ROLE " + user + " NOLOGIN PASSWORD 'right-pw-123'");
    try {
      String conn =
          "host="
              + PG.host()
              + " port="
              + PG.port()
              + " user="
              + user
              + " dbname="
              + PG.database()
              + " sslmode=disable password='wrong pw-456'";
      Scaler s = scaler(Map.of("connection", conn), Duration.ofSeconds(1), "query", "SELECT 1");
      Throwable t = failure(s, METRIC);
      assertThat(t).hasMessageStartingWith("could not query postgreSQL: ");
      assertThat(t.getMessage()).doesNotContain("wrong pw-456", "right-pw-123");
      assertThat(t.getMessage()).contains("is not permitted to log in");
    } finally {
      closeScalers();
      PG.execute("DROP ROLE " + user);
    }
  }

  @Test
  void unreachablePortFailsWithinTheTimeout() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    String conn = "host=127.0.0.1 port=" + port + " user=u dbname=d sslmode=disable";
    Scaler s = scaler(Map.of("connection", conn), Duration.ofMillis(800), "query", "SELECT 1");
    long start = System.nanoTime();
    Throwable t = failure(s, METRIC);
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(t).hasMessageStartingWith("could not query postgreSQL: ");
    assertThat(millis).isLessThan(5000);
  }

  @Test
  void slowQueryIsCancelledByTheTimeout() throws Exception {
    Scaler s =
        scaler(
            Map.of("connection", PG.connectionString()),
            Duration.ofSeconds(1),
            "query",
            "SELECT COUNT(*) FROM pg_sleep(10)");
    long start = System.nanoTime();
    Throwable t = failure(s, METRIC);
    assertThat(t).hasMessageStartingWith("could not query postgreSQL: ");
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5000);
  }

  @Test
  void scalersWithTheSameTargetShareOnePool() throws Exception {
    int before = RUNTIME.pools().size();
    Scaler a = scaler("SELECT 1");
    Scaler b = scaler("SELECT 2");
    assertThat(RUNTIME.pools().size()).isEqualTo(before + 1);
    assertThat(poll(a, METRIC).values().get(0).value().doubleValue()).isEqualTo(1);
    assertThat(poll(b, METRIC).values().get(0).value().doubleValue()).isEqualTo(2);
    a.close();
    assertThat(RUNTIME.pools().size()).isEqualTo(before + 1);
    assertThat(poll(b, METRIC).values().get(0).value().doubleValue()).isEqualTo(2);
    b.close();
    b.close();
    assertThat(RUNTIME.pools().size()).isEqualTo(before);
  }
}
