package dev.keda4j.scalers.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reads {@code /jsz} documents recorded from nats-server 2.9.10: a standalone server (stream {@code
 * orders}, durable {@code workers}, 5 messages, 2 fetched and not acked) and each node of a 3-node
 * cluster (R3 stream and consumer, 4 messages, consumer leader {@code n2}).
 */
class JszReadingTest {
  static final JszReading.Target ORDERS = new JszReading.Target("$G", "$G", "orders", "workers");

  static String resource(String name) {
    try (InputStream in = JszReadingTest.class.getResourceAsStream("/jsz/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Stream<Arguments> found() {
    String standalone = resource("standalone-orders-workers.json");
    return Stream.of(
        Arguments.of("standalone: pending 3 + ack pending 2", standalone, ORDERS, 0, 3, 2, 5, ""),
        Arguments.of(
            "account matched by id only",
            standalone,
            new JszReading.Target("$G", "", "orders", "workers"),
            0,
            3,
            2,
            5,
            ""),
        Arguments.of(
            "account matched by name when the id differs",
            standalone,
            new JszReading.Target("OTHERID", "$G", "orders", "workers"),
            0,
            3,
            2,
            5,
            ""),
        Arguments.of(
            "cluster node n1 (a replica) names leader n2",
            resource("cluster-node-n1.json"),
            ORDERS,
            3,
            4,
            0,
            4,
            "n2"),
        Arguments.of(
            "cluster node n2 (the leader)",
            resource("cluster-node-n2.json"),
            ORDERS,
            3,
            4,
            0,
            4,
            "n2"),
        Arguments.of(
            "ack pending missing counts as none",
            "{\"account_details\":[{\"id\":\"A\",\"name\":\"a\",\"stream_detail\":[{\"name\":\"s\","
                + "\"consumer_detail\":[{\"name\":\"c\",\"num_pending\":7}]}]}]}",
            new JszReading.Target("A", "", "s", "c"),
            0,
            7,
            0,
            7,
            ""),
        Arguments.of(
            "second account and stream, consumer matched by name",
            "{\"meta_cluster\":{\"cluster_size\":1},\"account_details\":["
                + "{\"id\":\"X\",\"name\":\"x\",\"stream_detail\":[{\"name\":\"s\"}]},"
                + "{\"id\":\"A\",\"name\":\"a\",\"stream_detail\":[{\"name\":\"t\"},{\"name\":\"s\","
                + "\"consumer_detail\":[{\"name\":\"d\",\"num_pending\":1},"
                + "{\"name\":\"c\",\"num_pending\":2,\"num_ack_pending\":9,"
                + "\"cluster\":{\"leader\":\"n7\"}}]}]}]}",
            new JszReading.Target("A", "", "s", "c"),
            1,
            2,
            9,
            11,
            "n7"),
        Arguments.of(
            "uint64 counters beyond long elsewhere do not break reading",
            "{\"reserved_memory\":18446744073709551615,\"account_details\":[{\"id\":\"A\","
                + "\"reserved_memory\":18446744073709551615,\"stream_detail\":[{\"name\":\"s\","
                + "\"consumer_detail\":[{\"name\":\"c\",\"num_pending\":5000000000}]}]}]}",
            new JszReading.Target("A", "", "s", "c"),
            0,
            5_000_000_000L,
            0,
            5_000_000_000L,
            ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("found")
  void consumerFound(
      String name,
      String body,
      JszReading.Target target,
      int clusterSize,
      long pending,
      long ackPending,
      long lag,
      String leader) {
    JszReading r = JszReading.parse(body, target);
    assertThat(r.streamFound()).isTrue();
    assertThat(r.consumerFound()).isTrue();
    assertThat(r.clusterSize()).isEqualTo(clusterSize);
    assertThat(r.numPending()).isEqualTo(pending);
    assertThat(r.numAckPending()).isEqualTo(ackPending);
    assertThat(r.lag(target)).isEqualTo(lag);
    assertThat(r.leader()).isEqualTo(leader);
  }

  static Stream<Arguments> missing() {
    String standalone = resource("standalone-orders-workers.json");
    return Stream.of(
        Arguments.of(
            "other account",
            standalone,
            new JszReading.Target("B", "b", "orders", "workers"),
            "stream not found"),
        Arguments.of(
            "other stream",
            standalone,
            new JszReading.Target("$G", "$G", "invoices", "workers"),
            "stream not found"),
        Arguments.of(
            "other consumer",
            standalone,
            new JszReading.Target("$G", "$G", "orders", "nobody"),
            "consumer \"nobody\" not found in stream \"orders\""),
        Arguments.of(
            "cluster document, other consumer",
            resource("cluster-node-n3.json"),
            new JszReading.Target("$G", "$G", "orders", "nobody"),
            "consumer \"nobody\" not found in stream \"orders\""),
        Arguments.of("empty document", "{}", ORDERS, "stream not found"),
        Arguments.of(
            "stream without consumers",
            "{\"account_details\":[{\"id\":\"$G\",\"stream_detail\":[{\"name\":\"orders\"}]}]}",
            ORDERS,
            "consumer \"workers\" not found in stream \"orders\""),
        Arguments.of(
            "account_details null", "{\"account_details\":null}", ORDERS, "stream not found"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("missing")
  void missingObjectIsAnErrorNotZero(
      String name, String body, JszReading.Target target, String message) {
    JszReading r = JszReading.parse(body, target);
    assertThat(r.consumerFound()).isFalse();
    assertThatThrownBy(() -> r.lag(target))
        .isInstanceOf(NatsJetStreamException.class)
        .hasMessage(message);
  }

  static Stream<Arguments> undecodable() {
    return Stream.of(
        Arguments.of("empty body", ""),
        Arguments.of("html", "<html>404 page not found</html>"),
        Arguments.of("json array", "[]"),
        Arguments.of("json number", "0"),
        Arguments.of("truncated", "{\"account_details\":[{"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("undecodable")
  void undecodableBodyIsAnError(String name, String body) {
    assertThatThrownBy(() -> JszReading.parse(body, ORDERS))
        .isInstanceOf(NatsJetStreamException.class)
        .hasMessage("unable to decode NATS JetStream /jsz response");
  }

  @Test
  void ledByComparesTheConsumerLeaderWithTheNodeName() {
    JszReading r = JszReading.parse(resource("cluster-node-n1.json"), ORDERS);
    assertThat(r.ledBy("n2")).isTrue();
    assertThat(r.ledBy("n1")).isFalse();
    JszReading standalone = JszReading.parse(resource("standalone-orders-workers.json"), ORDERS);
    assertThat(standalone.ledBy("")).isTrue();
    JszReading none =
        JszReading.parse(
            resource("cluster-node-n1.json"), new JszReading.Target("$G", "", "orders", "x"));
    assertThat(none.ledBy("n2")).isFalse();
  }
}
