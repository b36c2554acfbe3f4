package dev.keda4j.scalers.azure.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Keys, signatures and whole connection strings are masked; other text stays. */
class ConnectionStringsTest {
  static Stream<Arguments> cases() {
    String sb =
        "Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=root;SharedAccessKey=S3CRETKEY";
    String storage =
        "DefaultEndpointsProtocol=http;AccountName=acc;AccountKey=ACCOUNTKEY==;QueueEndpoint=http://h/acc;";
    String sas =
        "QueueEndpoint=https://acc.queue.core.windows.net;SharedAccessSignature=sv=1&sig=SIGVALUE";
    return Stream.of(
        Arguments.of(
            "service bus key", sb, "failed with key S3CRETKEY", "failed with key <redacted>"),
        Arguments.of("whole string", sb, "bad: " + sb, "bad: <redacted>"),
        Arguments.of(
            "account key",
            storage,
            "AccountKey=ACCOUNTKEY== rejected",
            "AccountKey=<redacted> rejected"),
        Arguments.of("sas", sas, "sig sv=1&sig=SIGVALUE", "sig <redacted>"),
        Arguments.of("nothing secret", storage, "queue q not found", "queue q not found"),
        Arguments.of("no connection", "", "text", "text"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void redacts(String name, String connection, String text, String expected) {
    assertThat(ConnectionStrings.redact(text, connection)).isEqualTo(expected);
  }
}
