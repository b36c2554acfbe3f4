package dev.keda4j.scalers.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class VarzReadingTest {
  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "recorded cluster node n1",
            JszReadingTest.resource("cluster-varz-n1.json"),
            "n1",
            List.of("127.0.0.1:24222", "127.0.0.2:24222", "127.0.0.3:24222"),
            List.of("127.0.0.1:26222", "127.0.0.2:26222", "127.0.0.3:26222")),
        Arguments.of(
            "recorded cluster node n3",
            JszReadingTest.resource("cluster-varz-n3.json"),
            "n3",
            List.of("127.0.0.3:24222", "127.0.0.2:24222", "127.0.0.1:24222"),
            List.of("127.0.0.1:26222", "127.0.0.2:26222", "127.0.0.3:26222")),
        Arguments.of(
            "standalone server: null connect_urls, empty cluster",
            "{\"server_name\":\"NABC\",\"connect_urls\":null,\"cluster\":{}}",
            "NABC",
            List.of(),
            List.of()),
        Arguments.of(
            "routes only (no advertised client URLs)",
            "{\"server_name\":\"nats-0\",\"cluster\":{\"urls\":[\"nats-1.nats:6222\","
                + "\"nats-2.nats:6222\"]}}",
            "nats-0",
            List.of(),
            List.of("nats-1.nats:6222", "nats-2.nats:6222")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void parses(String name, String body, String server, List<String> connect, List<String> cluster) {
    VarzReading v = VarzReading.parse(body);
    assertThat(v.serverName()).isEqualTo(server);
    assertThat(v.connectUrls()).containsExactlyElementsOf(connect);
    assertThat(v.clusterUrls()).containsExactlyElementsOf(cluster);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("undecodable")
  void undecodable(String name, String body) {
    assertThatThrownBy(() -> VarzReading.parse(body))
        .isInstanceOf(NatsJetStreamException.class)
        .hasMessage("unable to decode NATS JetStream /varz response");
  }

  static Stream<Arguments> undecodable() {
    return Stream.of(Arguments.of("empty", ""), Arguments.of("text", "Not Found"));
  }
}
