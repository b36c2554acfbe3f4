package dev.keda4j.scalers.redis;

import static dev.keda4j.scalers.redis.RedisItSupport.call;
import static dev.keda4j.scalers.redis.RedisItSupport.poll;
import static dev.keda4j.scalers.redis.RedisItSupport.uniqueKey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keda4j.scalers.spi.ScalerResult;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisClientType;
import io.vertx.redis.client.RedisOptions;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code redis-cluster*} and {@code redis-sentinel*} against private redis-server processes. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisTopologiesIT {
  private RedisServers servers;
  private RedisItSupport it;
  private String clusterAddresses;
  private Redis clusterAdmin;
  private int masterPort;
  private int sentinelPort;
  private Redis masterAdmin;

  @BeforeAll
  void start() throws Exception {
    servers = new RedisServers();
    it = new RedisItSupport();
    List<Integer> ports = servers.cluster(3);
    clusterAddresses = ports.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
    RedisOptions co = new RedisOptions().setType(RedisClientType.CLUSTER);
    co.getEndpoints().clear();
    ports.forEach(p -> co.addConnectionString("redis://127.0.0.1:" + p));
    clusterAdmin = Redis.createClient(it.vertx, co);
    masterPort = servers.server();
    sentinelPort = servers.sentinel(masterPort, "k4jmaster");
    masterAdmin = Redis.createClient(it.vertx, "redis://127.0.0.1:" + masterPort + "/2");
  }

  @AfterAll
  void stop() throws Exception {
    clusterAdmin.close();
    masterAdmin.close();
    it.close();
    servers.close();
  }

  @Test
  void clusterListLengthOnKeysInDifferentSlots() throws Exception {
    for (int n = 1; n <= 3; n++) {
      String k = uniqueKey();
      for (int i = 0; i < n; i++) {
        call(clusterAdmin, "RPUSH", k, i);
      }
      ScalerResult r =
          poll(
              it.scaler(
                  "redis-cluster",
                  0,
                  Map.of("listName", k, "addresses", clusterAddresses, "databaseIndex", "5")));
      assertThat(r.values().get(0).value().milliValue()).isEqualTo(n * 1000L);
      assertThat(r.active()).isTrue();
      call(clusterAdmin, "DEL", k);
    }
  }

  @Test
  void clusterStreamsLengthAndLag() throws Exception {
    String k = uniqueKey();
    for (int i = 0; i < 4; i++) {
      call(clusterAdmin, "XADD", k, "*", "f", i);
    }
    call(clusterAdmin, "XGROUP", "CREATE", k, "g", "0");
    call(clusterAdmin, "XREADGROUP", "GROUP", "g", "c", "COUNT", "1", "STREAMS", k, ">");
    ScalerResult len =
        poll(
            it.scaler(
                "redis-cluster-streams", 0, Map.of("stream", k, "addresses", clusterAddresses)));
    assertThat(len.values().get(0).value().toString()).isEqualTo("4");
    ScalerResult pending =
        poll(
            it.scaler(
                "redis-cluster-streams",
                1,
                Map.of("stream", k, "addresses", clusterAddresses, "consumerGroup", "g")));
    assertThat(pending.values().get(0).value().toString()).isEqualTo("1");
    ScalerResult lag =
        poll(
            it.scaler(
                "redis-cluster-streams",
                2,
                Map.of(
                    "stream",
                    k,
                    "addresses",
                    clusterAddresses,
                    "consumerGroup",
                    "g",
                    "lagCount",
                    "2")));
    assertThat(lag.values().get(0).value().toString()).isEqualTo("3");
    call(clusterAdmin, "DEL", k);
  }

  @Test
  void passwordFromAuthParamsAndWrongPasswordFails() throws Exception {
    int port = servers.server("--requirepass", "s3cr3t-pw");
    Redis authed = Redis.createClient(it.vertx, "redis://:s3cr3t-pw@127.0.0.1:" + port);
    String k = uniqueKey();
    call(authed, "RPUSH", k, "a", "b");
    Map<String, String> md = Map.of("listName", k, "address", "127.0.0.1:" + port);
    ScalerResult r = poll(it.scaler("redis", 0, md, Map.of("password", "s3cr3t-pw")));
    assertThat(r.values().get(0).value().toString()).isEqualTo("2");
    Throwable wrong =
        RedisItSupport.pollFailure(it.scaler("redis", 0, md, Map.of("password", "wrong-pw")));
    assertThat(wrong).isInstanceOf(RedisScalerException.class);
    assertThat(wrong.getMessage()).doesNotContain("wrong-pw");
    authed.close();
  }

  @Test
  void sentinelListAndStreamsHonourDatabaseIndex() throws Exception {
    String k = uniqueKey();
    call(masterAdmin, "SADD", k, "a", "b");
    String s = uniqueKey();
    call(masterAdmin, "XADD", s, "*", "f", "1");
    Map<String, String> conn =
        Map.of(
            "addresses",
            "127.0.0.1:" + sentinelPort,
            "sentinelMaster",
            "k4jmaster",
            "databaseIndex",
            "2");
    Map<String, String> listMd = new java.util.HashMap<>(conn);
    listMd.put("listName", k);
    ScalerResult r = poll(it.scaler("redis-sentinel", 0, listMd));
    assertThat(r.values().get(0).value().toString()).isEqualTo("2");
    Map<String, String> streamMd = new java.util.HashMap<>(conn);
    streamMd.put("stream", s);
    ScalerResult sr = poll(it.scaler("redis-sentinel-streams", 0, streamMd));
    assertThat(sr.values().get(0).value().toString()).isEqualTo("1");
    call(masterAdmin, "DEL", k, s);
  }
}
