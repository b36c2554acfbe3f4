package dev.keda4j.scalers.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keda4j.scalers.config.TlsConfig;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RedisClientPoolTest {
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void tearDown() {
    vertx.close().await();
  }

  private static RedisClientPool.Key key(String endpoint, String password) {
    return new RedisClientPool.Key(
        RedisMode.STANDALONE, List.of(endpoint), "", password, "", "", "", 0, TlsConfig.DISABLED);
  }

  @Test
  void manyLeasesOnOneEndpointShareOneClientAndTheLastCloseClosesIt() {
    RedisClientPool pool = new RedisClientPool(vertx);
    List<RedisClientPool.Lease> leases = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      leases.add(pool.acquire(key("127.0.0.1:6379", "")));
    }
    RedisClientPool.Lease other = pool.acquire(key("127.0.0.1:6379", "other-credentials"));
    assertThat(pool.openClients()).isEqualTo(2);
    assertThat(leases.get(0).client()).isSameAs(leases.get(9_999).client());
    leases.subList(1, leases.size()).forEach(RedisClientPool.Lease::close);
    leases.get(1).close(); // idempotent: must not release someone else's share
    assertThat(pool.openClients()).isEqualTo(2);
    leases.get(0).close();
    assertThat(pool.openClients()).isEqualTo(1);
    other.close();
    assertThat(pool.openClients()).isZero();
    pool.close();
  }
}
