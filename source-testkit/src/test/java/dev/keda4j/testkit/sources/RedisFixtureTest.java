package dev.keda4j.testkit.sources;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisFixtureTest {
  @RegisterExtension static final RedisFixture REDIS = new RedisFixture();

  private static Vertx vertx;
  private static Redis client;

  @BeforeAll
  static void connect() {
    vertx = Vertx.vertx();
    client = Redis.createClient(vertx, REDIS.uri());
  }

  @AfterAll
  static void disconnect() throws Exception {
    client.close();
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void vertxClientPushesAndCountsOnTheSharedServer() throws Exception {
    String key = REDIS.key();
    RedisAPI api = RedisAPI.api(client);
    api.lpush(List.of(key, "a", "b", "c"))
        .toCompletionStage()
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
    Response len =
        api.llen(key).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertThat(len.toLong()).isEqualTo(3L);
    assertThat(REDIS.call("LLEN", key)).isEqualTo(3L);
  }

  @Test
  void keysAreUniqueAndDeletedOnClose() {
    try (RedisFixture own = new RedisFixture(REDIS.address())) {
      String k1 = own.key();
      String k2 = own.key();
      assertThat(k1).startsWith("k4j-").isNotEqualTo(k2);
      own.call("RPUSH", k1, "x");
      own.call("SET", k2, "y");
      assertThat(REDIS.call("EXISTS", k1, k2)).isEqualTo(2L);
      own.close();
      assertThat(REDIS.call("EXISTS", k1, k2)).isEqualTo(0L);
    }
  }
}
