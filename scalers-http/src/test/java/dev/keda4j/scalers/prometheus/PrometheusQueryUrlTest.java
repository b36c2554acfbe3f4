package dev.keda4j.scalers.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PrometheusQueryUrlTest {
  static Stream<Arguments> escapes() {
    return Stream.of(
        Arguments.of("plain", "up", "up"),
        Arguments.of("space is plus", "sum(up) by (job)", "sum%28up%29+by+%28job%29"),
        Arguments.of("unreserved kept", "a-b_c.d~e", "a-b_c.d~e"),
        Arguments.of("star escaped", "a*b", "a%2Ab"),
        Arguments.of("braces and quotes", "x{a=\"b\"}", "x%7Ba%3D%22b%22%7D"),
        Arguments.of("utf-8", "é", "%C3%A9"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("escapes")
  void escapesLikeGo(String name, String in, String want) {
    assertThat(PrometheusQueryUrl.queryEscape(in)).isEqualTo(want);
  }

  @Test
  void buildsQueryWithTimeNamespaceAndParameters() {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("key-1", "value 1");
    params.put("dedup", "false");
    String url =
        PrometheusQueryUrl.build(
            "http://p:9090", "sum(x)", Instant.parse("2024-05-06T07:08:09.123Z"), "team a", params);
    assertThat(url)
        .isEqualTo(
            "http://p:9090/api/v1/query?query=sum%28x%29&time=2024-05-06T07%3A08%3A09Z"
                + "&namespace=team+a&key-1=value+1&dedup=false");
  }

  @Test
  void omitsEmptyNamespace() {
    String url = PrometheusQueryUrl.build("http://p", "up", Instant.EPOCH, "", Map.of());
    assertThat(url).isEqualTo("http://p/api/v1/query?query=up&time=1970-01-01T00%3A00%3A00Z");
  }
}
