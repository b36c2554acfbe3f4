package dev.keda4j.scalers.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One client per key, closed with its last lease. */
class RefCountedPoolTest {

  @Test
  void sharesByKeyAndClosesWithTheLastLease() {
    List<String> closed = new ArrayList<>();
    List<String> created = new ArrayList<>();
    RefCountedPool<String, String> pool = new RefCountedPool<>(closed::add);
    var a1 = pool.acquire("a", k -> record(created, k + "-client"));
    var a2 = pool.acquire("a", k -> record(created, k + "-other"));
    var b = pool.acquire("b", k -> record(created, k + "-client"));
    assertThat(a2.value()).isSameAs(a1.value());
    assertThat(created).containsExactly("a-client", "b-client");
    assertThat(pool.size()).isEqualTo(2);
    a1.close();
    a1.close();
    assertThat(closed).as("one lease of a left; double close counts once").isEmpty();
    a2.close();
    assertThat(closed).containsExactly("a-client");
    assertThat(pool.size()).isEqualTo(1);
    pool.close();
    assertThat(closed).containsExactly("a-client", "b-client");
    b.close();
    assertThat(closed).hasSize(2);
  }

  private static String record(List<String> created, String v) {
    created.add(v);
    return v;
  }
}
