package dev.keda4j.testkit.sources;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A missing service fails the test with one line naming service, address, env var and command. */
class UnavailableSourceTest {
  @Test
  void missingRedisFailsWithOneClearLine() {
    int port = Sources.freePort();
    try (RedisFixture redis = new RedisFixture("127.0.0.1:" + port)) {
      assertThatThrownBy(redis::start)
          .isInstanceOf(SourceUnavailableException.class)
          .hasMessageStartingWith("Redis not reachable at 127.0.0.1:" + port)
          .hasMessageContaining(RedisFixture.ENV)
          .hasMessageContaining("redis-server")
          .message()
          .doesNotContain("\n");
    }
  }

  @Test
  void missingPostgresFailsWithOneClearLine() {
    int port = Sources.freePort();
    try (PostgresFixture pg =
        new PostgresFixture("jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres")) {
      assertThatThrownBy(pg::start)
          .isInstanceOf(SourceUnavailableException.class)
          .hasMessageStartingWith("PostgreSQL not reachable at 127.0.0.1:" + port)
          .hasMessageContaining(PostgresFixture.ENV)
          .hasMessageContaining("pg_ctlcluster");
    }
  }

  @Test
  void missingRabbitManagementFailsWithOneClearLine() {
    int port = Sources.freePort();
    try (RabbitMqFixture rabbit =
        new RabbitMqFixture(
            "amqp://guest:guest@127.0.0.1:5672/", "http://guest:guest@127.0.0.1:" + port)) {
      assertThatThrownBy(rabbit::start)
          .isInstanceOf(SourceUnavailableException.class)
          .hasMessageStartingWith(
              "RabbitMQ management API not reachable at http://127.0.0.1:" + port)
          .hasMessageContaining(RabbitMqFixture.ENV_HTTP)
          .hasMessageContaining("rabbitmq-plugins enable rabbitmq_management");
    }
  }

  @Test
  void processThatNeverGetsReadyIsKilledAndReported() {
    java.nio.file.Path dir = Sources.tempDir("k4j-test-");
    try {
      assertThatThrownBy(
              () ->
                  ManagedProcess.start(
                      "sleeper",
                      java.util.List.of("sh", "-c", "echo starting; sleep 30"),
                      dir,
                      java.time.Duration.ofMillis(500),
                      () -> false))
          .isInstanceOf(SourceUnavailableException.class)
          .hasMessageContaining("sleeper not ready")
          .hasMessageContaining("starting");
    } finally {
      Sources.deleteRecursively(dir);
    }
  }
}
