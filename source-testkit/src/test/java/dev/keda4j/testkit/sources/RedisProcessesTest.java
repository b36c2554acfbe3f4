package dev.keda4j.testkit.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RedisProcessesTest {
  @Test
  void standaloneServersRunOnFreePortsAndDieOnClose() {
    List<RedisProcesses.Node> nodes;
    try (RedisProcesses redis = new RedisProcesses()) {
      nodes = redis.standalone(2);
      assertThat(nodes).extracting(RedisProcesses.Node::port).doesNotHaveDuplicates();
      RedisProcesses.Node n = nodes.get(0);
      assertThat(n.call("RPUSH", "q", "a", "b")).isEqualTo(2L);
      assertThat(nodes.get(1).call("LLEN", "q")).isEqualTo(0L);
      assertThat(n.process().isAlive()).isTrue();
    }
    assertThat(nodes).allSatisfy(n -> assertThat(n.process().isAlive()).isFalse());
    assertThat(nodes).allSatisfy(n -> assertThat(Sources.listening(n.host(), n.port())).isFalse());
  }

  @Test
  void clusterOfThreeMastersCoversAllSlots() {
    try (RedisProcesses redis = new RedisProcesses()) {
      List<RedisProcesses.Node> nodes = redis.cluster();
      assertThat(nodes).hasSize(3);
      String info = String.valueOf(nodes.get(0).call("CLUSTER", "INFO"));
      assertThat(info).contains("cluster_state:ok").contains("cluster_slots_assigned:16384");
      assertThat(info).contains("cluster_known_nodes:3");
      // the key lands on exactly one master: the others answer MOVED
      long owners =
          nodes.stream()
              .filter(
                  n -> {
                    try {
                      n.call("SET", "k4j-slot-key", "v");
                      return true;
                    } catch (IllegalStateException e) {
                      assertThat(e).hasMessageContaining("MOVED");
                      return false;
                    }
                  })
              .count();
      assertThat(owners).isEqualTo(1);
    }
  }

  @Test
  void sentinelReportsTheMaster() {
    try (RedisProcesses redis = new RedisProcesses()) {
      RedisProcesses.Node master = redis.standalone();
      RedisProcesses.Node sentinel = redis.sentinel(master, "k4jmaster");
      Object addr = sentinel.call("SENTINEL", "get-master-addr-by-name", "k4jmaster");
      assertThat(addr).isEqualTo(List.of("127.0.0.1", Integer.toString(master.port())));
      assertThat(sentinel.process().pid()).isPositive();
    }
  }
}
