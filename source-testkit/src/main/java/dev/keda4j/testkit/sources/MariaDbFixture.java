package dev.keda4j.testkit.sources;

/**
 * MariaDB/MySQL at {@code KEDA4J_MYSQL_URL} (default {@code
 * jdbc:mariadb://127.0.0.1:3306/?user=root}): a unique database per fixture instance (per test
 * class), dropped after it.
 */
public final class MariaDbFixture extends JdbcFixture {
  public static final String ENV = "KEDA4J_MYSQL_URL";

  public MariaDbFixture() {
    this(Sources.env(ENV, "jdbc:mariadb://127.0.0.1:3306/?user=root"));
  }

  public MariaDbFixture(String serverUrl) {
    super(
        serverUrl,
        ENV,
        "MariaDB",
        "start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd"
            + " (or scripts/services.sh)");
  }

  @Override
  protected String dropDatabaseSql(String db) {
    return "DROP DATABASE IF EXISTS " + db;
  }

  @Override
  protected int defaultPort() {
    return 3306;
  }

  @Override
  protected String defaultUser() {
    return "root";
  }

  /** A Go-driver style DSN ({@code user:pass@tcp(host:port)/db}), as KEDA's mysql scaler takes. */
  public String dsn() {
    return user() + ":" + password() + "@tcp(" + host() + ":" + port() + ")/" + database();
  }
}
