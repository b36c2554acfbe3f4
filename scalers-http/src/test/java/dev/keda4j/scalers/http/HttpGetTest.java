package dev.keda4j.scalers.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpGetTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "http://h/p, , , http://h/p",
    "http://h/p, api_key, k, http://h/p?api_key=k",
    "http://h/p?a=1, api_key, k, http://h/p?a=1&api_key=k",
    "http://h/p, k y, a&b, http://h/p?k+y=a%26b"
  })
  void appendsQuery(String url, String key, String value, String want) {
    Map<String, String> params = new LinkedHashMap<>();
    if (key != null) {
      params.put(key, value);
    }
    assertThat(HttpGet.withQuery(url, params)).isEqualTo(want);
  }
}
