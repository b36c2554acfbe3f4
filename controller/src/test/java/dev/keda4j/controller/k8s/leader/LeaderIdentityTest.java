package dev.keda4j.controller.k8s.leader;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LeaderIdentityTest {

  @ParameterizedTest
  @CsvSource({
    "keda4j-operator-7d9f-abcde_10.244.1.7, keda4j-operator-7d9f-abcde, 10.244.1.7",
    "my_laptop_192.168.1.2, my_laptop, 192.168.1.2",
    "pod_fd00::1, pod, fd00::1",
  })
  void parsesNameAndIpAtTheLastUnderscore(String holder, String name, String ip) {
    assertThat(LeaderIdentity.parse(holder)).contains(new LeaderIdentity(name, ip));
  }

  @ParameterizedTest
  @CsvSource({"''", "nounderscore", "_10.0.0.1", "pod_"})
  void rejectsOtherForms(String holder) {
    assertThat(LeaderIdentity.parse(holder)).isEmpty();
  }

  @Test
  void nullIsEmpty() {
    assertThat(LeaderIdentity.parse(null)).isEmpty();
  }

  @Test
  void roundTripsThroughToString() {
    LeaderIdentity identity = new LeaderIdentity("keda4j-0", "10.0.0.5");
    assertThat(identity.toString()).isEqualTo("keda4j-0_10.0.0.5");
    assertThat(LeaderIdentity.parse(identity.toString())).contains(identity);
  }

  @Test
  void readsPodNameAndIpFromTheEnvironment() {
    LeaderIdentity identity =
        LeaderIdentity.fromEnvironment(Map.of("POD_NAME", "keda4j-1", "POD_IP", "10.1.2.3"));
    assertThat(identity).isEqualTo(new LeaderIdentity("keda4j-1", "10.1.2.3"));
  }

  @Test
  void fallsBackToTheHost() {
    LeaderIdentity identity = LeaderIdentity.fromEnvironment(Map.of());
    assertThat(identity.name()).isNotBlank();
    assertThat(identity.ip()).isNotBlank().doesNotContain("_");
    assertThat(LeaderIdentity.parse(identity.toString())).contains(identity);
  }
}
