package dev.keda4j.scalers.nats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MonitoringUrlsTest {
  static final String BASE = "http://nats.nats:8222/jsz?acc=%24G&config=true&consumers=true";
  static final String NO_PORT = "https://nats.nats/jsz?acc=A&config=true&consumers=true";

  static Arguments c(String name, Supplier<String> actual, String expected) {
    return Arguments.of(name, actual, expected);
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        c(
            "jsz http",
            () -> MonitoringUrls.jsz(false, "nats:8222", "$G"),
            BASE.replace(".nats", "")),
        c(
            "jsz https",
            () -> MonitoringUrls.jsz(true, "nats:8222", "ACC"),
            "https://nats:8222/jsz?acc=ACC&config=true&consumers=true"),
        c(
            "varz of the endpoint",
            () -> MonitoringUrls.varz(BASE, ""),
            "http://nats.nats:8222/varz"),
        c(
            "varz of a node keeps the monitoring port",
            () -> MonitoringUrls.varz(BASE, "nats-1.nats.svc"),
            "http://nats-1.nats.svc:8222/varz"),
        c(
            "varz of a node, endpoint without port",
            () -> MonitoringUrls.varz(NO_PORT, "10.0.0.3"),
            "https://10.0.0.3/varz"),
        c(
            "varz of an IPv6 node is bracketed",
            () -> MonitoringUrls.varz(BASE, "fd00::3"),
            "http://[fd00::3]:8222/varz"),
        c(
            "jsz of a node by hostname",
            () -> MonitoringUrls.nodeJsz(BASE, "172.0.1.3"),
            "http://172.0.1.3:8222/jsz?acc=%24G&config=true&consumers=true"),
        c(
            "jsz of a node by name under the endpoint host",
            () -> MonitoringUrls.nodeJszByName(BASE, "nats-2"),
            "http://nats-2.nats.nats:8222/jsz?acc=%24G&config=true&consumers=true"),
        c(
            "host of a client URL",
            () -> MonitoringUrls.hostOf("nats-1.nats.svc.cluster.local:4222"),
            "nats-1.nats.svc.cluster.local"),
        c("host without port", () -> MonitoringUrls.hostOf("10.1.2.3"), "10.1.2.3"),
        c("node of a route URL", () -> MonitoringUrls.nodeOf("nats-1.nats:6222"), "nats-1"),
        c("node of a bare name", () -> MonitoringUrls.nodeOf("nats-1"), "nats-1"),
        c("query escape $", () -> MonitoringUrls.queryEscape("$G"), "%24G"),
        c(
            "query escape unreserved and space",
            () -> MonitoringUrls.queryEscape("a-b_c.d~e f/g"),
            "a-b_c.d~e+f%2Fg"),
        c("query escape utf-8", () -> MonitoringUrls.queryEscape("é"), "%C3%A9"),
        c(
            "redact userinfo in a URL",
            () -> MonitoringUrls.redact("http://user:s3cret@nats:8222/jsz?acc=A"),
            "http://nats:8222/jsz?acc=A"),
        c(
            "redact userinfo in host:port",
            () -> MonitoringUrls.redact("user:s3cret@nats:8222"),
            "nats:8222"),
        c(
            "redact leaves plain URLs",
            () -> MonitoringUrls.redact("http://nats:8222/jsz"),
            "http://nats:8222/jsz"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void urls(String name, Supplier<String> actual, String expected) {
    assertThat(actual.get()).isEqualTo(expected);
  }
}
