package dev.keda4j.testkit.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SqlFixturesTest {
  @RegisterExtension static final PostgresFixture PG = new PostgresFixture();
  @RegisterExtension static final MariaDbFixture MARIA = new MariaDbFixture();

  private static long count(JdbcFixture db, String sql) throws SQLException {
    try (Connection c = db.connection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      assertThat(rs.next()).isTrue();
      return rs.getLong(1);
    }
  }

  @Test
  void postgresQueriesRunInTheUniqueDatabase() throws SQLException {
    assertThat(PG.database()).startsWith("k4j_");
    PG.execute("CREATE TABLE task (id serial primary key, state text)");
    PG.execute("INSERT INTO task (state) VALUES ('queued'), ('queued'), ('done')");
    assertThat(count(PG, "SELECT count(*) FROM task WHERE state = 'queued'")).isEqualTo(2);
    assertThat(count(PG, "SELECT count(*) FROM pg_database WHERE datname = current_database()"))
        .isEqualTo(1);
    assertThat(PG.connectionString()).contains("dbname=" + PG.database()).contains("port=5432");
  }

  @Test
  void mariadbQueriesRunInTheUniqueDatabase() throws SQLException {
    assertThat(MARIA.database()).startsWith("k4j_");
    MARIA.execute("CREATE TABLE task (id int auto_increment primary key, state varchar(20))");
    MARIA.execute("INSERT INTO task (state) VALUES ('queued'), ('done'), ('queued'), ('queued')");
    assertThat(count(MARIA, "SELECT count(*) FROM task WHERE state = 'queued'")).isEqualTo(3);
    assertThat(MARIA.dsn()).isEqualTo("root:@tcp(127.0.0.1:3306)/" + MARIA.database());
  }

  @Test
  void databasesAreDroppedOnClose() throws SQLException {
    String pgDb;
    try (PostgresFixture own = new PostgresFixture()) {
      own.start();
      pgDb = own.database();
      own.execute("CREATE TABLE t (x int)");
    }
    try (Connection c = DriverManager.getConnection(PG.serverUrl());
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT count(*) FROM pg_database WHERE datname = '" + pgDb + "'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getLong(1)).isZero();
    }
    String myDb;
    try (MariaDbFixture own = new MariaDbFixture()) {
      own.start();
      myDb = own.database();
    }
    try (Connection c = DriverManager.getConnection(MARIA.serverUrl());
        ResultSet rs = c.getMetaData().getCatalogs()) {
      boolean found = false;
      while (rs.next()) {
        found |= myDb.equals(rs.getString(1));
      }
      assertThat(found).isFalse();
    }
  }
}
