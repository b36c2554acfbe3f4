package dev.keda4j.scalers.redis;

import static dev.keda4j.scalers.redis.RedisItSupport.call;
import static dev.keda4j.scalers.redis.RedisItSupport.poll;
import static dev.keda4j.scalers.redis.RedisItSupport.pollFailure;
import static dev.keda4j.scalers.redis.RedisItSupport.uniqueKey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keda4j.scalers.spi.Scaler;
import dev.keda4j.scalers.spi.ScalerResult;
import io.vertx.redis.client.Redis;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code redis} and {@code redis-streams} against the real Redis on this machine. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisScalersIT {
  private RedisItSupport it;
  private Redis admin;
  private final List<String> keys = new ArrayList<>();

  @BeforeAll
  void start() {
    it = new RedisItSupport();
    admin = Redis.createClient(it.vertx, "redis://" + RedisItSupport.ADDRESS);
  }

  @AfterEach
  void cleanKeys() {
    keys.forEach(k -> call(admin, "DEL", k));
    keys.clear();
  }

  @AfterAll
  void stop() throws Exception {
    admin.close();
    it.close();
  }

  private String key() {
    String k = uniqueKey();
    keys.add(k);
    return k;
  }

  private Scaler list(String key, String activation) throws Exception {
    return it.scaler(
        "redis",
        0,
        Map.of(
            "listName",
            key,
            "address",
            RedisItSupport.ADDRESS,
            "activationListLength",
            activation));
  }

  @Test
  void listLengthAndActivation() throws Exception {
    String k = key();
    Scaler s = list(k, "3");
    call(admin, "LPUSH", k, "a", "b", "c");
    ScalerResult r = poll(s);
    assertThat(r.values().get(0).value().toString()).isEqualTo("3");
    assertThat(r.active()).as("3 is not > activationListLength 3").isFalse();
    call(admin, "LPUSH", k, "d");
    r = poll(s);
    assertThat(r.values().get(0).value().toString()).isEqualTo("4");
    assertThat(r.active()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "zset, ZADD, '1 a 2 b', 2",
    "set, SADD, 'a b c', 3",
    "hash, HSET, 'f1 v1 f2 v2', 2",
    "list, RPUSH, 'a b c d e', 5"
  })
  void lengthByKeyType(String type, String command, String args, long expected) throws Exception {
    String k = key();
    List<Object> a = new ArrayList<>(List.of(k));
    a.addAll(List.of((Object[]) args.split(" ")));
    call(admin, command, a.toArray());
    ScalerResult r = poll(list(k, "0"));
    assertThat(r.values().get(0).value().milliValue()).isEqualTo(expected * 1000);
    assertThat(r.active()).isTrue();
  }

  @Test
  void missingKeyIsZeroAndInactive() throws Exception {
    ScalerResult r = poll(list(key(), "0"));
    assertThat(r.values().get(0).value().milliValue()).isZero();
    assertThat(r.active()).isFalse();
  }

  @Test
  void wrongTypeIsAFailedPoll() throws Exception {
    String k = key();
    call(admin, "SET", k, "x");
    assertThat(pollFailure(list(k, "0")))
        .isInstanceOf(RedisScalerException.class)
        .hasMessageContaining("ERR unsupported key type: string");
  }

  @Test
  void unreachableAddressIsAFailedPollNeverZero() throws Exception {
    Scaler s = it.scaler("redis", 1, Map.of("listName", "x", "address", "127.0.0.1:1"));
    assertThat(pollFailure(s))
        .isInstanceOf(RedisScalerException.class)
        .hasMessageContaining("redis: reading list length of x failed");
    Scaler st = it.scaler("redis-streams", 1, Map.of("stream", "x", "address", "127.0.0.1:1"));
    assertThat(pollFailure(st)).isInstanceOf(RedisScalerException.class);
  }

  @Test
  void triggersOnOneRedisShareOneClient() throws Exception {
    RedisClientPool pool = it.runtime.shared(RedisClientPool.class, () -> null);
    int before = pool.openClients();
    List<Scaler> many = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      many.add(list(key(), "0"));
      many.add(
          it.scaler("redis-streams", i, Map.of("stream", "s", "address", RedisItSupport.ADDRESS)));
    }
    for (Scaler s : many) {
      poll(s);
    }
    assertThat(pool.openClients()).isLessThanOrEqualTo(before + 1);
  }

  private Scaler streams(String stream, Map<String, String> extra) throws Exception {
    Map<String, String> md = new java.util.HashMap<>(extra);
    md.put("stream", stream);
    md.put("address", RedisItSupport.ADDRESS);
    return it.scaler("redis-streams", 0, md);
  }

  @Test
  void streamLength() throws Exception {
    String k = key();
    for (int i = 0; i < 3; i++) {
      call(admin, "XADD", k, "*", "f", i);
    }
    ScalerResult r = poll(streams(k, Map.of("activationLagCount", "2")));
    assertThat(r.values().get(0).value().toString()).isEqualTo("3");
    assertThat(r.active()).isTrue();
    ScalerResult missing = poll(streams(key(), Map.of()));
    assertThat(missing.values().get(0).value().milliValue()).isZero();
    assertThat(missing.active()).isFalse();
  }

  @Test
  void pendingEntriesAfterReadGroup() throws Exception {
    String k = key();
    call(admin, "XGROUP", "CREATE", k, "g", "$", "MKSTREAM");
    for (int i = 0; i < 4; i++) {
      call(admin, "XADD", k, "*", "f", i);
    }
    Scaler s = streams(k, Map.of("consumerGroup", "g"));
    assertThat(poll(s).values().get(0).value().milliValue()).isZero();
    call(admin, "XREADGROUP", "GROUP", "g", "c1", "COUNT", "2", "STREAMS", k, ">");
    ScalerResult r = poll(s);
    assertThat(r.values().get(0).value().toString()).isEqualTo("2");
    assertThat(r.active()).isTrue();
  }

  @Test
  void pendingOnMissingStreamIsAFailedPoll() throws Exception {
    assertThat(pollFailure(streams(key(), Map.of("consumerGroup", "g"))))
        .isInstanceOf(RedisScalerException.class)
        .hasMessageContaining("NOGROUP");
  }

  @Test
  void lagModeOnRedis7() throws Exception {
    String k = key();
    for (int i = 0; i < 5; i++) {
      call(admin, "XADD", k, "*", "f", i);
    }
    call(admin, "XGROUP", "CREATE", k, "g", "0");
    call(admin, "XREADGROUP", "GROUP", "g", "c1", "COUNT", "2", "STREAMS", k, ">");
    ScalerResult r = poll(streams(k, Map.of("consumerGroup", "g", "lagCount", "10")));
    assertThat(r.values().get(0).value().toString()).isEqualTo("3");
    assertThat(r.active()).isTrue();
    ScalerResult unknownGroup = poll(streams(k, Map.of("consumerGroup", "nope", "lagCount", "10")));
    assertThat(unknownGroup.values().get(0).value().toString()).as("XLEN").isEqualTo("5");
    ScalerResult missing = poll(streams(key(), Map.of("consumerGroup", "g", "lagCount", "10")));
    assertThat(missing.values().get(0).value().milliValue()).isZero();
    assertThat(missing.active()).isFalse();
  }
}
