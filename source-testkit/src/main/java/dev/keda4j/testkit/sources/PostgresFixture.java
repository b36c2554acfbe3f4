package dev.keda4j.testkit.sources;

/**
 * PostgreSQL at {@code KEDA4J_POSTGRES_URL} (default {@code
 * jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}): a unique database per fixture instance
 * (per test class), dropped after it.
 */
public final class PostgresFixture extends JdbcFixture {
  public static final String ENV = "KEDA4J_POSTGRES_URL";

  public PostgresFixture() {
    this(Sources.env(ENV, "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres"));
  }

  public PostgresFixture(String serverUrl) {
    super(
        serverUrl,
        ENV,
        "PostgreSQL",
        "pg_ctlcluster --skip-systemctl-redirect 15 main start (or scripts/services.sh)");
  }

  @Override
  protected String dropDatabaseSql(String db) {
    return "DROP DATABASE IF EXISTS " + db + " WITH (FORCE)";
  }

  @Override
  protected int defaultPort() {
    return 5432;
  }

  @Override
  protected String defaultUser() {
    return "postgres";
  }

  /** A libpq connection string for the test database, as KEDA's {@code connectionFromEnv}. */
  public String connectionString() {
    return "host="
        + host()
        + " port="
        + port()
        + " user="
        + user()
        + (password().isEmpty() ? "" : " password=" + password())
        + " dbname="
        + database()
        + " sslmode=disable";
  }
}
